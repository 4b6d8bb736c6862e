import { ExpressionError } from "./errors.ts";

/** A piece of a `${{ }}` template: literal text, or an expression with its offset in the template. */
export type Segment = { text: string } | { expression: string; start: number };

/** Splits a string at each `${{ … }}`; a `}}` inside a quoted string does not close it. */
export function splitTemplate(template: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  for (;;) {
    const open = template.indexOf("${{", i);
    if (open < 0) break;
    if (open > i) out.push({ text: template.slice(i, open) });
    const start = open + 3;
    const close = findClose(template, start);
    if (close < 0) {
      throw new ExpressionError(
        "EXPR_SYNTAX",
        "Unterminated '${{': close the expression with '}}'",
        template,
        open + 1,
      );
    }
    out.push({ expression: template.slice(start, close), start });
    i = close + 2;
  }
  if (i < template.length) out.push({ text: template.slice(i) });
  return out;
}

function findClose(s: string, from: number): number {
  let inString = false;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === "'")
      inString = !inString; // '' toggles twice: still fine
    else if (!inString && c === "}" && s[i + 1] === "}") return i;
  }
  return -1;
}
