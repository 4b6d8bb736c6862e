import { ExpressionError } from "./errors.ts";
import { parseNumber } from "./coerce.ts";

export type TokenKind =
  | "null"
  | "boolean"
  | "number"
  | "string"
  | "word"
  | "property"
  | "wildcard"
  | "punct"
  | "operator"
  | "end";

export interface Token {
  kind: TokenKind;
  /** The source text (for strings: without quotes or escapes). */
  text: string;
  /** For literals: the value. */
  value?: null | boolean | number | string;
  /** 0-based offset in the expression. */
  start: number;
}

const OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!"];
const PUNCT = "()[],.";
const WORD = /[A-Za-z_][A-Za-z0-9_-]*/y;
const PROPERTY = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER_CHARS = /[0-9A-Za-z_.+-]*/y;

/** Splits an expression into tokens; a `.` makes the next word a property name. */
export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    const prev = tokens[tokens.length - 1];
    const afterDot = prev?.kind === "punct" && prev.text === ".";
    if (c === "*" && (afterDot || (prev?.kind === "punct" && prev.text === "["))) {
      tokens.push({ kind: "wildcard", text: "*", start });
      i++;
    } else if (afterDot && matchAt(PROPERTY, expression, i)) {
      const text = matchAt(PROPERTY, expression, i)!;
      tokens.push({ kind: "property", text, start });
      i += text.length;
    } else if (c === "'") {
      i = readString(expression, i, tokens);
    } else if (
      /[0-9.+-]/.test(c) &&
      !(c === "." && (endsOperand(prev) || !/[0-9]/.test(expression[i + 1] ?? "")))
    ) {
      const text = c + (matchAt(NUMBER_CHARS, expression, i + 1) ?? "");
      const value = parseNumber(text, { strict: true });
      if (Number.isNaN(value) && text !== "NaN") {
        throw new ExpressionError(
          "EXPR_SYNTAX",
          `Unexpected symbol: '${text}'`,
          expression,
          start + 1,
        );
      }
      tokens.push({ kind: "number", text, value, start });
      i += text.length;
    } else if (matchAt(WORD, expression, i)) {
      const text = matchAt(WORD, expression, i)!;
      i += text.length;
      tokens.push(wordToken(text, start));
    } else if (PUNCT.includes(c)) {
      tokens.push({ kind: "punct", text: c, start });
      i++;
    } else {
      const op = OPERATORS.find((o) => expression.startsWith(o, i));
      if (!op) {
        throw new ExpressionError(
          "EXPR_SYNTAX",
          `Unexpected symbol: '${c}'`,
          expression,
          start + 1,
        );
      }
      tokens.push({ kind: "operator", text: op, start });
      i += op.length;
    }
  }
  tokens.push({ kind: "end", text: "", start: expression.length });
  return tokens;
}

/** After these a `.` is a property dereference, never the start of a number like `.5`. */
function endsOperand(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === "punct") return t.text === ")" || t.text === "]";
  return t.kind !== "operator" && t.kind !== "end";
}

/** The text a sticky regex matches at `at`, or undefined. */
function matchAt(re: RegExp, s: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(s);
  return m && m[0].length > 0 ? m[0] : undefined;
}

function wordToken(text: string, start: number): Token {
  if (text === "null") return { kind: "null", text, value: null, start };
  if (text === "true" || text === "false") {
    return { kind: "boolean", text, value: text === "true", start };
  }
  if (text === "NaN") return { kind: "number", text, value: NaN, start };
  if (text === "Infinity") return { kind: "number", text, value: Infinity, start };
  return { kind: "word", text, start };
}

function readString(expression: string, open: number, tokens: Token[]): number {
  let value = "";
  let i = open + 1;
  for (;;) {
    const q = expression.indexOf("'", i);
    if (q < 0) {
      throw new ExpressionError(
        "EXPR_SYNTAX",
        `Unterminated string: '${expression.slice(open)}' (end it with ', double '' to escape a quote)`,
        expression,
        open + 1,
      );
    }
    value += expression.slice(i, q);
    if (expression[q + 1] === "'") {
      value += "'";
      i = q + 2;
      continue;
    }
    tokens.push({ kind: "string", text: expression.slice(open, q + 1), value, start: open });
    return q + 1;
  }
}
