import { functionNames } from "./ast.ts";
import { toInterpolated, truthy } from "./coerce.ts";
import { evaluateNode } from "./evaluate.ts";
import { STATUS_FUNCTIONS } from "./functions.ts";
import { parse } from "./parser.ts";
import { splitTemplate } from "./template.ts";
import type { ExprValue, ExpressionContext } from "./types.ts";

export { ExpressionError, type ExpressionErrorCode } from "./errors.ts";
export type { ExprValue, ExpressionContext } from "./types.ts";
export { toText, toInterpolated, truthy, looseEquals, toNumber } from "./coerce.ts";
export { parse } from "./parser.ts";
export type { Node } from "./ast.ts";

/** Evaluates the inside of `${{ }}` (or a bare `if:` condition). */
export function evaluate(expression: string, ctx: ExpressionContext): ExprValue {
  if (expression.trim() === "") return null;
  return evaluateNode(parse(expression), ctx, expression);
}

/** Replaces every `${{ … }}` in a string with its value as GitHub stringifies it. */
export function interpolate(template: string, ctx: ExpressionContext): string {
  return splitTemplate(template)
    .map((s) => ("text" in s ? s.text : toInterpolated(evaluate(s.expression, ctx))))
    .join("");
}

/**
 * A value written in YAML: a string that is exactly one `${{ … }}` keeps its type
 * (number, boolean, object, …), as in `with:` of a reusable-workflow call; any other
 * string is interpolated.
 */
export function evaluateTemplate(template: string, ctx: ExpressionContext): ExprValue {
  const parts = splitTemplate(template).filter((s) => !("text" in s && s.text.trim() === ""));
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && "expression" in only) return evaluate(only.expression, ctx);
  return interpolate(template, ctx);
}

/**
 * `if:` semantics: empty means `success()`; `${{ }}` around the whole condition is optional;
 * without a status function (success, failure, cancelled, always) the condition is
 * `success() && (condition)`. A condition with text outside its `${{ }}` is a string
 * template, as on GitHub: truthy whenever it is not empty.
 */
export function evaluateCondition(
  condition: string | boolean | undefined,
  ctx: ExpressionContext,
): boolean {
  const status = ctx.status ?? { failed: false, cancelled: false };
  const success = !status.failed && !status.cancelled;
  if (condition === undefined) return success;
  const text = (typeof condition === "boolean" ? String(condition) : condition).trim();
  if (text === "") return success;
  const segments = splitTemplate(text);
  const only = segments.length === 1 ? segments[0] : undefined;
  const expression =
    only && "expression" in only ? only.expression : segments.length === 0 ? "" : undefined;
  if (expression === undefined && segments.some((s) => "expression" in s)) {
    return success && truthy(interpolate(text, ctx));
  }
  const source = expression ?? text;
  const tree = parse(source);
  const usesStatus = [...functionNames(tree)].some((n) => STATUS_FUNCTIONS.has(n));
  if (!usesStatus && !success) return false;
  return truthy(evaluateNode(tree, ctx, source));
}
