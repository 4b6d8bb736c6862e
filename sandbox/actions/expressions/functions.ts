import { looseEquals, toText, upper } from "./coerce.ts";
import type { ExprValue } from "./types.ts";

/** A function's body: evaluated arguments in, value out; throws a plain message on misuse. */
export type Builtin = (args: ExprValue[], status: Status) => ExprValue;
export interface Status {
  failed: boolean;
  cancelled: boolean;
}

export interface FunctionSpec {
  /** The name as documented (lookup is case-insensitive). */
  name: string;
  min: number;
  max: number;
  run: Builtin;
}

/** Thrown by a builtin; the evaluator adds the expression and position. */
export class BuiltinFailure extends Error {
  constructor(
    readonly code: "EXPR_FORMAT" | "EXPR_JSON" | "EXPR_ARGUMENTS",
    message: string,
  ) {
    super(message);
  }
}

const isPrimitive = (v: ExprValue): boolean => v === null || typeof v !== "object";

const SPECS: FunctionSpec[] = [
  { name: "contains", min: 2, max: 2, run: ([s, i]) => contains(s!, i!) },
  { name: "startsWith", min: 2, max: 2, run: ([s, v]) => affix(s!, v!, (a, b) => a.startsWith(b)) },
  { name: "endsWith", min: 2, max: 2, run: ([s, v]) => affix(s!, v!, (a, b) => a.endsWith(b)) },
  { name: "format", min: 1, max: 255, run: ([f, ...rest]) => format(toText(f!), rest) },
  {
    name: "join",
    min: 1,
    max: 2,
    run: ([a, sep]) => join(a!, sep),
  },
  { name: "toJSON", min: 1, max: 1, run: ([v]) => JSON.stringify(v, null, 2) },
  { name: "fromJSON", min: 1, max: 1, run: ([v]) => fromJSON(toText(v!)) },
  { name: "case", min: 3, max: 255, run: (args) => caseOf(args) },
  { name: "success", min: 0, max: 0, run: (_, s) => !s.failed && !s.cancelled },
  { name: "failure", min: 0, max: 0, run: (_, s) => s.failed && !s.cancelled },
  { name: "cancelled", min: 0, max: 0, run: (_, s) => s.cancelled },
  { name: "always", min: 0, max: 0, run: () => true },
];

const BY_NAME = new Map(SPECS.map((f) => [f.name.toLowerCase(), f]));

/** The builtin named `name` (case-insensitive), or undefined. */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export const STATUS_FUNCTIONS = new Set(["success", "failure", "cancelled", "always"]);

function contains(search: ExprValue, item: ExprValue): boolean {
  if (Array.isArray(search)) return search.some((e) => looseEquals(e, item));
  if (!isPrimitive(search)) return false;
  return upper(toText(search)).includes(upper(toText(item)));
}

function affix(s: ExprValue, v: ExprValue, test: (a: string, b: string) => boolean): boolean {
  if (!isPrimitive(s) || !isPrimitive(v)) return false;
  return test(upper(toText(s)), upper(toText(v)));
}

/** Items as text; a separator that is not a primitive falls back to ','; an object joins to ''. */
function join(a: ExprValue, sep: ExprValue | undefined): string {
  const separator = sep === undefined || !isPrimitive(sep) ? "," : toText(sep);
  if (Array.isArray(a)) return a.map(toText).join(separator);
  return isPrimitive(a) ? toText(a) : "";
}

/** `case(pred1, value1, pred2, value2, …, default)`: the value of the first true predicate. */
function caseOf(args: ExprValue[]): ExprValue {
  for (let i = 0; i + 1 < args.length; i += 2) {
    const pred = args[i];
    if (typeof pred !== "boolean") {
      throw new BuiltinFailure(
        "EXPR_ARGUMENTS",
        "case predicate must evaluate to a boolean value (compare with ==, or use a function that returns true/false)",
      );
    }
    if (pred) return args[i + 1]!;
  }
  return args[args.length - 1]!;
}

function fromJSON(text: string): ExprValue {
  try {
    return JSON.parse(text) as ExprValue;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new BuiltinFailure("EXPR_JSON", `fromJSON: the argument is not valid JSON (${why})`);
  }
}

/** `format('{0} and {1}', a, b)`; `{{` and `}}` are literal braces. */
export function format(template: string, args: ExprValue[]): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === "{" && template[i + 1] === "{") {
      out += "{";
      i++;
    } else if (c === "}" && template[i + 1] === "}") {
      out += "}";
      i++;
    } else if (c === "{") {
      const m = /^\{(\d+)\}/.exec(template.slice(i));
      if (!m) throw badFormat(template);
      const n = Number(m[1]);
      if (n >= args.length) {
        throw new BuiltinFailure(
          "EXPR_FORMAT",
          `The following format string references more arguments than were supplied: '${template}'`,
        );
      }
      out += toText(args[n]!);
      i += m[0].length - 1;
    } else if (c === "}") throw badFormat(template);
    else out += c;
  }
  return out;
}

function badFormat(template: string): BuiltinFailure {
  return new BuiltinFailure(
    "EXPR_FORMAT",
    `The following format string is invalid: '${template}' (use {0}, {1}, …; write {{ and }} for literal braces)`,
  );
}
