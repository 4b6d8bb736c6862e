import type { Node } from "./ast.ts";
import { looseCompare, looseEquals, toNumber, toText, truthy } from "./coerce.ts";
import { ExpressionError } from "./errors.ts";
import { BuiltinFailure, lookupFunction, type Status } from "./functions.ts";
import type { ExprValue, ExpressionContext } from "./types.ts";

/** Context names GitHub always recognizes; absent from `contexts` they read as null. */
const KNOWN_CONTEXTS = [
  "github",
  "env",
  "vars",
  "job",
  "jobs",
  "steps",
  "runner",
  "secrets",
  "strategy",
  "matrix",
  "needs",
  "inputs",
];

/** Evaluates a parsed tree; `source` is the expression text for error messages. */
export function evaluateNode(node: Node, ctx: ExpressionContext, source: string): ExprValue {
  return new Evaluator(ctx, source).eval(node);
}

class Evaluator {
  /** Arrays produced by `*`: indexing them maps over their items. */
  private readonly filtered = new WeakSet<ExprValue[]>();
  private readonly status: Status;

  constructor(
    private readonly ctx: ExpressionContext,
    private readonly source: string,
  ) {
    this.status = ctx.status ?? { failed: false, cancelled: false };
  }

  eval(node: Node): ExprValue {
    switch (node.type) {
      case "literal":
        return node.value;
      case "context":
        return this.context(node.name, node.start);
      case "not":
        return !truthy(this.eval(node.operand));
      case "index":
        return this.index(this.eval(node.target), node.key === "*" ? "*" : this.eval(node.key));
      case "call":
        return this.call(node);
      case "binary": {
        const left = this.eval(node.left);
        if (node.op === "&&") return truthy(left) ? this.eval(node.right) : left;
        if (node.op === "||") return truthy(left) ? left : this.eval(node.right);
        const right = this.eval(node.right);
        if (node.op === "==") return looseEquals(left, right);
        if (node.op === "!=") return !looseEquals(left, right);
        const c = looseCompare(left, right);
        if (c === undefined) return false;
        if (node.op === "<") return c < 0;
        if (node.op === "<=") return c <= 0;
        if (node.op === ">") return c > 0;
        return c >= 0;
      }
    }
  }

  private context(name: string, start: number): ExprValue {
    const contexts = this.ctx.contexts;
    if (Object.hasOwn(contexts, name)) return contexts[name]!;
    const folded = name.toLowerCase();
    const key = Object.keys(contexts).find((k) => k.toLowerCase() === folded);
    if (key !== undefined) return contexts[key]!;
    if (KNOWN_CONTEXTS.includes(folded)) return null;
    throw new ExpressionError(
      "EXPR_UNKNOWN_CONTEXT",
      `Unrecognized named-value: '${name}' (available: ${[...new Set([...Object.keys(contexts), ...KNOWN_CONTEXTS])].join(", ")})`,
      this.source,
      start + 1,
    );
  }

  private index(target: ExprValue, key: ExprValue | "*"): ExprValue {
    if (Array.isArray(target) && this.filtered.has(target)) {
      const out: ExprValue[] = [];
      for (const item of target) {
        if (key === "*") out.push(...children(item));
        else {
          const v = lookup(item, key);
          if (v !== undefined) out.push(v);
        }
      }
      this.filtered.add(out);
      return out;
    }
    if (key === "*") {
      const out = children(target);
      this.filtered.add(out);
      return out;
    }
    return lookup(target, key) ?? null;
  }

  private call(node: Extract<Node, { type: "call" }>): ExprValue {
    const spec = lookupFunction(node.name);
    const at = node.start + 1;
    if (!spec) {
      const hint =
        node.name.toLowerCase() === "hashfiles"
          ? " (hashFiles is not supported by the sandbox runner)"
          : "";
      throw new ExpressionError(
        "EXPR_UNKNOWN_FUNCTION",
        `Unrecognized function: '${node.name}'${hint}`,
        this.source,
        at,
      );
    }
    if (spec.name === "case" && node.args.length % 2 === 0 && node.args.length >= spec.min) {
      const problem =
        "Even number of parameters supplied, requires an odd number of parameters: 'case'";
      throw new ExpressionError("EXPR_ARGUMENTS", problem, this.source, at);
    }
    if (node.args.length < spec.min || node.args.length > spec.max) {
      const which = node.args.length < spec.min ? "Too few" : "Too many";
      throw new ExpressionError(
        "EXPR_ARGUMENTS",
        `${which} parameters supplied: '${node.name}'`,
        this.source,
        at,
      );
    }
    const args = node.args.map((a) => this.eval(a));
    try {
      return spec.run(args, this.status);
    } catch (e) {
      if (e instanceof BuiltinFailure)
        throw new ExpressionError(e.code, e.message, this.source, at);
      throw e;
    }
  }
}

/** The items of an array or the values of an object; nothing for primitives. */
function children(v: ExprValue): ExprValue[] {
  if (Array.isArray(v)) return [...v];
  if (v !== null && typeof v === "object") return Object.values(v);
  return [];
}

/** `target[key]`: objects by name (case-insensitive fallback), arrays by integer; undefined if absent. */
function lookup(target: ExprValue, key: ExprValue): ExprValue | undefined {
  if (Array.isArray(target)) {
    const n = toNumber(key);
    if (!Number.isInteger(n) || n < 0 || n >= target.length) return undefined;
    return target[n];
  }
  if (target === null || typeof target !== "object") return undefined;
  const name = typeof key === "string" ? key : typeof key === "number" ? toText(key) : undefined;
  if (name === undefined) return undefined;
  if (Object.hasOwn(target, name)) return target[name];
  const folded = name.toLowerCase();
  const match = Object.keys(target).find((k) => k.toLowerCase() === folded);
  return match === undefined ? undefined : target[match];
}
