import { change, changeAt, type SchemaChange, type Side } from "./change.ts";
import type { SchemaComparer } from "./comparer.ts";
import type { NormalSchema, SchemaRef } from "./model.ts";
import { diffOpen } from "./diff-open.ts";

const NONE: readonly SchemaRef[] = [];

/**
 * 3.1 array keywords: `contains` (with minContains/maxContains, compared in diff-bounds),
 * `prefixItems` position by position, and `unevaluatedItems`. A constraint added narrows what is
 * accepted (breaks requests), one removed widens what may come back (breaks responses); a sub-schema
 * that changed is compared in the same direction, since a narrower `contains` or prefix item
 * narrows the array.
 */
export function diffArrays(
  cmp: SchemaComparer,
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): void {
  if (b.contains && h.contains) cmp.nested(b.contains, h.contains, side, "(contains)", out);
  else if (h.contains)
    out.push(
      changeAt(
        `${side}-contains-added`,
        "must contain an item matching a schema",
        b,
        h.contains.pointer,
      ),
    );
  else if (b.contains)
    out.push(change(`${side}-contains-removed`, "no longer has to contain a matching item", b, h));
  const before = b.prefixItems ?? NONE;
  const after = h.prefixItems ?? NONE;
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const x = before[i];
    const y = after[i];
    if (x && y) cmp.nested(x, y, side, `[${i}]`, out);
    else if (y)
      out.push(
        changeAt(`${side}-prefix-item-added`, `item [${i}] must match a schema`, b, y.pointer),
      );
    else
      out.push(change(`${side}-prefix-item-removed`, `item [${i}] is no longer described`, b, h));
  }
  if (b.unevaluatedItems === true && h.unevaluatedItems === true) return;
  diffOpen(cmp, "unevaluatedItems", b.unevaluatedItems, h.unevaluatedItems, b, h, side, out, {
    narrowed: `${side}-unevaluated-items-narrowed`,
    widened: `${side}-unevaluated-items-widened`,
    segment: "(unevaluated items)",
  });
}
