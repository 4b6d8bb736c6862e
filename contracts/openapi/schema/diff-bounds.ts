import { change, type SchemaChange, type Side } from "./change.ts";
import type { Bound, CountKeyword, NormalSchema } from "./model.ts";

const COUNTS = [
  { key: "maxLength", slug: "max-length", max: true, none: Infinity },
  { key: "minLength", slug: "min-length", max: false, none: 0 },
  { key: "maxItems", slug: "max-items", max: true, none: Infinity },
  { key: "minItems", slug: "min-items", max: false, none: 0 },
  { key: "maxProperties", slug: "max-properties", max: true, none: Infinity },
  { key: "minProperties", slug: "min-properties", max: false, none: 0 },
  { key: "maxContains", slug: "max-contains", max: true, none: Infinity },
  // Without minContains, `contains` needs one matching item.
  { key: "minContains", slug: "min-contains", max: false, none: 1 },
] as const satisfies readonly {
  key: CountKeyword;
  slug: string;
  max: boolean;
  none: number;
}[];

/** Patterns that accept every string are no pattern at all. */
const MATCH_ALL = new Set(["", ".*", "^.*$", "^.*", ".*$", "[\\s\\S]*", "^[\\s\\S]*$"]);

/** Length, item and property counts, numeric bounds, multipleOf, patterns, uniqueItems. */
export function diffBounds(
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): void {
  for (const { key, slug, max, none } of COUNTS) {
    const before = b.counts[key];
    const after = h.counts[key];
    if ((before ?? none) === (after ?? none)) continue;
    const tighter = max ? (after ?? none) < (before ?? none) : (after ?? none) > (before ?? none);
    const moved = max === tighter ? "decreased" : "increased";
    out.push(change(`${side}-${slug}-${moved}`, describe(key, before, after), b, h, `/${key}`));
  }
  diffBound("maximum", b.upper, h.upper, side, out, b, h);
  diffBound("minimum", b.lower, h.lower, side, out, b, h);
  if (b.multipleOf !== h.multipleOf) {
    out.push(
      change(
        `${side}-multiple-of-changed`,
        describe("multipleOf", b.multipleOf, h.multipleOf),
        b,
        h,
      ),
    );
  }
  diffPatterns(b, h, side, out);
  if (b.uniqueItems !== h.uniqueItems) {
    out.push(
      h.uniqueItems
        ? change(`${side}-unique-items-added`, "items must be unique", b, h, "/uniqueItems")
        : change(`${side}-unique-items-removed`, "items no longer unique", b, h),
    );
  }
}

function diffPatterns(b: NormalSchema, h: NormalSchema, side: Side, out: SchemaChange[]): void {
  if (b.patterns.length === 0 && h.patterns.length === 0) return;
  const before = b.patterns.filter((p) => !MATCH_ALL.has(p));
  const after = h.patterns.filter((p) => !MATCH_ALL.has(p));
  const added = after.filter((p) => !before.includes(p));
  const removed = before.filter((p) => !after.includes(p));
  if (added.length > 0 && removed.length > 0) {
    const detail = `pattern ${removed.join(", ")} → ${added.join(", ")}`;
    out.push(change(`${side}-pattern-changed`, detail, b, h, "/pattern"));
  } else if (added.length > 0) {
    out.push(
      change(`${side}-pattern-added`, `pattern ${added.join(", ")} added`, b, h, "/pattern"),
    );
  } else if (removed.length > 0) {
    out.push(change(`${side}-pattern-removed`, `pattern ${removed.join(", ")} removed`, b, h));
  }
}

function diffBound(
  name: "maximum" | "minimum",
  before: Bound | undefined,
  after: Bound | undefined,
  side: Side,
  out: SchemaChange[],
  b: NormalSchema,
  h: NormalSchema,
): void {
  if (before?.value === after?.value && before?.exclusive === after?.exclusive) return;
  const upper = name === "maximum";
  let tighter: boolean;
  if (!before || !after) tighter = !before;
  else if (before.value !== after.value)
    tighter = upper ? after.value < before.value : after.value > before.value;
  else tighter = after.exclusive;
  const moved = upper === tighter ? "decreased" : "increased";
  const fmt = (x?: Bound): string | undefined =>
    x ? `${x.value}${x.exclusive ? " (exclusive)" : ""}` : undefined;
  out.push(change(`${side}-${name}-${moved}`, describe(name, fmt(before), fmt(after)), b, h));
}

function describe(key: string, before: unknown, after: unknown): string {
  if (before === undefined) return `${key} set to ${String(after)}`;
  if (after === undefined) return `${key} ${String(before)} removed`;
  return `${key} ${String(before)} → ${String(after)}`;
}
