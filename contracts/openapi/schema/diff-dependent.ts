import { change, changeAt, type SchemaChange, type Side } from "./change.ts";
import type { SchemaComparer } from "./comparer.ts";
import { diffOpen } from "./diff-open.ts";
import type { Conditional, NormalSchema, SchemaRef } from "./model.ts";

/**
 * 3.1 object keywords that apply when something holds: `dependentRequired`, `dependentSchemas`,
 * `unevaluatedProperties` and `if`/`then`/`else`. A new condition narrows what is accepted (breaks
 * requests); a dropped one widens what may come back (breaks responses).
 */
export function diffDependent(
  cmp: SchemaComparer,
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): void {
  if (b.dependentRequired.size > 0 || h.dependentRequired.size > 0) diffRequired(b, h, side, out);
  if (b.dependentSchemas.size > 0 || h.dependentSchemas.size > 0) diffSchemas(cmp, b, h, side, out);
  if (b.unevaluatedProperties !== true || h.unevaluatedProperties !== true)
    diffOpen(
      cmp,
      "unevaluatedProperties",
      b.unevaluatedProperties,
      h.unevaluatedProperties,
      b,
      h,
      side,
      out,
      {
        narrowed: `${side}-unevaluated-properties-narrowed`,
        widened: `${side}-unevaluated-properties-widened`,
        segment: "(unevaluated)",
      },
    );
  if (b.conditionals.length > 0 || h.conditionals.length > 0)
    diffConditionals(cmp, b, h, side, out);
}

function diffRequired(b: NormalSchema, h: NormalSchema, side: Side, out: SchemaChange[]): void {
  for (const key of new Set([...b.dependentRequired.keys(), ...h.dependentRequired.keys()])) {
    const before = b.dependentRequired.get(key) ?? [];
    const after = h.dependentRequired.get(key) ?? [];
    const added = after.filter((n) => !before.includes(n));
    const removed = before.filter((n) => !after.includes(n));
    if (added.length)
      out.push(
        change(
          `${side}-dependent-required-added`,
          `when ${key} is present, ${added.join(", ")} must be too`,
          b,
          h,
        ),
      );
    if (removed.length)
      out.push(
        change(
          `${side}-dependent-required-removed`,
          `when ${key} is present, ${removed.join(", ")} no longer must be`,
          b,
          h,
        ),
      );
  }
}

function diffSchemas(
  cmp: SchemaComparer,
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): void {
  for (const key of new Set([...b.dependentSchemas.keys(), ...h.dependentSchemas.keys()])) {
    const x = b.dependentSchemas.get(key);
    const y = h.dependentSchemas.get(key);
    if (x && y) cmp.nested(x, y, side, `(when ${key} is present)`, out);
    else if (y)
      out.push(
        changeAt(
          `${side}-dependent-schema-added`,
          `when ${key} is present, the object must match a schema`,
          b,
          y.pointer,
        ),
      );
    else
      out.push(
        change(
          `${side}-dependent-schema-removed`,
          `when ${key} is present, the object no longer has to match a schema`,
          b,
          h,
        ),
      );
  }
}

/** `if`/`then`/`else` blocks, paired in order (an allOf member each, or the schema's own). */
function diffConditionals(
  cmp: SchemaComparer,
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): void {
  const before = b.conditionals.filter(binding);
  const after = h.conditionals.filter(binding);
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const x = before[i];
    const y = after[i];
    if (x && y) {
      // A different condition sends some values to the other branch: either side may break.
      if (cmp.compare(x.if, y.if, side).length > 0)
        out.push(change(`${side}-conditional-changed`, "the `if` condition changed", b, h));
      const any = (s: NormalSchema): SchemaRef => ({ node: {}, pointer: s.pointer });
      if (x.then || y.then) cmp.nested(x.then ?? any(b), y.then ?? any(h), side, "(then)", out);
      if (x.else || y.else) cmp.nested(x.else ?? any(b), y.else ?? any(h), side, "(else)", out);
    } else if (y)
      out.push(
        changeAt(`${side}-conditional-added`, "must now satisfy an if/then/else", b, y.if.pointer),
      );
    else
      out.push(
        change(`${side}-conditional-removed`, "no longer has to satisfy an if/then/else", b, h),
      );
  }
}

/** An `if` without `then` or `else` constrains nothing. */
const binding = (c: Conditional): boolean => c.then !== undefined || c.else !== undefined;
