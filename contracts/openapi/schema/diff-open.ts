import type { RuleId } from "../catalogue/index.ts";
import { change, type SchemaChange, type Side } from "./change.ts";
import type { SchemaComparer } from "./comparer.ts";
import type { NormalSchema, SchemaRef } from "./model.ts";

/**
 * A keyword that is `true` (anything more is allowed), a schema (what more must match) or `false`
 * (nothing more): additionalProperties, unevaluatedProperties, unevaluatedItems. Two schemas are
 * compared under `segment`; otherwise the move along true → schema → false is reported.
 */
export function diffOpen(
  cmp: SchemaComparer,
  keyword: string,
  before: boolean | SchemaRef,
  after: boolean | SchemaRef,
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
  rules: { narrowed: RuleId; widened: RuleId; segment: string },
): void {
  if (typeof before === "object" && typeof after === "object") {
    cmp.nested(before, after, side, rules.segment, out);
    return;
  }
  if (before === after) return;
  const rank = (a: boolean | SchemaRef): number => (a === true ? 2 : a === false ? 0 : 1);
  const show = (a: boolean | SchemaRef): string => (typeof a === "object" ? "a schema" : String(a));
  const detail = `${keyword} ${show(before)} → ${show(after)}`;
  out.push(change(rank(after) < rank(before) ? rules.narrowed : rules.widened, detail, b, h));
}
