import type { ExprValue } from "./types.ts";

/** GitHub's value kinds; coercion rules are stated in these terms. */
export type Kind = "null" | "boolean" | "number" | "string" | "array" | "object";

export function kindOf(v: ExprValue): Kind {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v as "boolean" | "number" | "string" | "object";
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const HEX = /^0x[0-9a-f]+$/i;
const OCTAL = /^0o[0-7]+$/i;

/**
 * A string as GitHub reads it as a number: trimmed, '' → 0, decimal with exponent,
 * 0x hex, 0o octal, ±Infinity; anything else NaN. `strict` is for literals (no trimming, no '').
 */
export function parseNumber(text: string, opts: { strict?: boolean } = {}): number {
  const s = opts.strict ? text : text.trim();
  if (s === "") return opts.strict ? NaN : 0;
  if (DECIMAL.test(s)) return Number(s);
  if (HEX.test(s)) return parseInt(s.slice(2), 16);
  if (OCTAL.test(s)) return parseInt(s.slice(2), 8);
  if (s === "Infinity" || s === "+Infinity") return Infinity;
  if (s === "-Infinity") return -Infinity;
  return NaN;
}

/** null → 0, booleans → 1/0, strings parsed, arrays and objects → NaN. */
export function toNumber(v: ExprValue): number {
  switch (kindOf(v)) {
    case "null":
      return 0;
    case "boolean":
      return v ? 1 : 0;
    case "number":
      return v as number;
    case "string":
      return parseNumber(v as string);
    default:
      return NaN;
  }
}

/**
 * A value as text the way GitHub's functions see it (format, join, contains, …):
 * null → '', 'true'/'false', numbers to 15 significant digits, 'Array', 'Object'.
 */
export function toText(v: ExprValue): string {
  switch (kindOf(v)) {
    case "null":
      return "";
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return numberText(v as number);
    case "string":
      return v as string;
    case "array":
      return "Array";
    default:
      return "Object";
  }
}

/** What `interpolate` substitutes: like toText, but arrays and objects as pretty JSON. */
export function toInterpolated(v: ExprValue): string {
  return v !== null && typeof v === "object" ? JSON.stringify(v, null, 2) : toText(v);
}

/** Numbers as GitHub prints them: at most 15 significant digits, -0 as 0. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return "0";
  return String(Number(n.toPrecision(15)));
}

/** Falsy: false, 0, -0, NaN, '', null. Arrays and objects are always truthy. */
export function truthy(v: ExprValue): boolean {
  if (typeof v === "number") return v !== 0 && !Number.isNaN(v);
  if (typeof v === "string") return v.length > 0;
  if (v === null || v === false) return false;
  return true;
}

/** Brings two values to one kind: number/string → numbers; null/boolean → number first. */
function coerce(a: ExprValue, b: ExprValue): [ExprValue, ExprValue] {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === kb) return [a, b];
  if (ka === "number" && kb === "string") return [a, toNumber(b)];
  if (ka === "string" && kb === "number") return [toNumber(a), b];
  if (ka === "null" || ka === "boolean") return coerce(toNumber(a), b);
  if (kb === "null" || kb === "boolean") return coerce(a, toNumber(b));
  return [a, b];
}

/** `==`: loose, case-insensitive for strings, NaN never equal, arrays/objects by identity. */
export function looseEquals(left: ExprValue, right: ExprValue): boolean {
  const [a, b] = coerce(left, right);
  const k = kindOf(a);
  if (k !== kindOf(b)) return false;
  if (k === "string") return upper(a as string) === upper(b as string);
  return a === b;
}

/** `<`-family: -1/0/1 after coercion, or undefined when the values cannot be ordered. */
export function looseCompare(left: ExprValue, right: ExprValue): -1 | 0 | 1 | undefined {
  const [a, b] = coerce(left, right);
  const k = kindOf(a);
  if (k !== kindOf(b)) return undefined;
  if (k === "number") {
    const x = a as number;
    const y = b as number;
    if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (k === "string") {
    const x = upper(a as string);
    const y = upper(b as string);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (k === "boolean" || k === "null") return a === b ? 0 : a ? 1 : -1;
  return undefined;
}

/** Case folding for comparisons: GitHub's OrdinalIgnoreCase upper-cases char by char (ß stays ß). */
export function upper(s: string): string {
  let out = "";
  for (const c of s) {
    const u = c.toUpperCase();
    out += u.length === c.length ? u : c;
  }
  return out;
}
