import { change, type SchemaChange, type Side } from "./change.ts";
import type { SchemaComparer } from "./comparer.ts";
import { UNIONS, type NormalSchema } from "./model.ts";
import type { Normaliser } from "./normaliser.ts";
import { mayOverlap } from "./overlap.ts";

type UnionKind = "oneOf" | "anyOf";

/**
 * oneOf/anyOf variants and residual allOf members, matched by component name, then by being
 * equivalent, then by shape, then (as many on each side) in order as variants edited in place.
 */
export function diffVariants(
  cmp: SchemaComparer,
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): void {
  for (const kind of UNIONS) {
    const before = b[kind];
    const after = h[kind];
    if (!before && !after) continue;
    if (before && after) {
      compareLists(
        cmp,
        variants(cmp.base, before),
        variants(cmp.head, after),
        side,
        kind,
        b,
        h,
        out,
      );
      continue;
    }
    const list = variants(after ? cmp.head : cmp.base, after ?? before ?? []).map((v) => v.label);
    const detail = `${after ? "must now match" : "no longer has to match"} ${kind} [${list.join(", ")}]`;
    out.push(change(`${side}-union-constraint-${after ? "added" : "removed"}`, detail, b, h));
  }
  if (b.allOf.length === 0 && h.allOf.length === 0) return;
  const before = variants(
    cmp.base,
    b.allOf.map((r) => cmp.base.normalise(r)),
  );
  const after = variants(
    cmp.head,
    h.allOf.map((r) => cmp.head.normalise(r)),
  );
  const { added, removed } = match(cmp, before, after, side, "allOf", out);
  for (const v of removed)
    out.push(change(`${side}-all-of-member-removed`, `allOf member ${v.label} removed`, v.s, h));
  for (const v of added)
    out.push(change(`${side}-all-of-member-added`, `allOf member ${v.label} added`, b, v.s));
}

/** A union on one side only, with nothing else beside it (`{oneOf: [Pet, Cat]}`). */
export function pureUnion(s: NormalSchema): UnionKind | undefined {
  const kind = s.oneOf && !s.anyOf ? "oneOf" : s.anyOf && !s.oneOf ? "anyOf" : undefined;
  if (!kind || s.types || s.enum || s.items || s.properties.size > 0 || s.allOf.length > 0)
    return undefined;
  return kind;
}

/**
 * `Pet` → `{oneOf: [Pet, Cat]}` and back: the plain schema counts as a one-variant union, so the
 * change reads "variant Cat added", not "every property of Pet removed".
 */
export function diffUnionWrap(
  cmp: SchemaComparer,
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): boolean {
  const bKind = pureUnion(b);
  const hKind = pureUnion(h);
  const kind =
    hKind && !b.oneOf && !b.anyOf ? hKind : bKind && !h.oneOf && !h.anyOf ? bKind : undefined;
  if (!kind) return false;
  const before = b[kind] ? variants(cmp.base, b[kind]) : [self(b)];
  const after = h[kind] ? variants(cmp.head, h[kind]) : [self(h)];
  compareLists(cmp, before, after, side, kind, b, h, out);
  return true;
}

interface Variant {
  s: NormalSchema;
  label: string;
}

function self(s: NormalSchema): Variant {
  return { s, label: s.refName ?? s.title ?? "#1" };
}

function variants(
  n: Normaliser,
  list: readonly (NormalSchema | { node: unknown; pointer: string })[],
): Variant[] {
  return list.map((item, i) => {
    const s = "node" in item ? n.normalise(item) : item;
    return { s, label: s.refName ?? s.title ?? `#${i + 1}` };
  });
}

function compareLists(
  cmp: SchemaComparer,
  before: Variant[],
  after: Variant[],
  side: Side,
  kind: UnionKind,
  b: NormalSchema,
  h: NormalSchema,
  out: SchemaChange[],
): void {
  const { added, removed, kept } = match(cmp, before, after, side, kind, out);
  for (const v of removed)
    out.push(change(`${side}-variant-removed`, `${kind} variant ${v.label} removed`, v.s, h));
  for (const v of added) {
    // oneOf accepts a value matching exactly one variant: an old request that also matches the
    // new one is rejected. A discriminator picks the variant by a property's value instead.
    const rival =
      kind === "oneOf" && side === "request" && !h.discriminator
        ? kept.find((k) => mayOverlap(cmp.head, k.s, v.s))
        : undefined;
    if (rival) {
      const detail = `oneOf variant ${v.label} added, overlapping ${rival.label}`;
      out.push(change("request-one-of-overlap-added", detail, b, v.s));
      continue;
    }
    // The same shape again admits no new value.
    if (before.some((x) => cmp.compareNormal(x.s, v.s, side).length === 0)) continue;
    out.push(change(`${side}-variant-added`, `${kind} variant ${v.label} added`, b, v.s));
  }
}

/** A rough identity for an edited variant: its types and what its items or title name. */
function shape(v: Variant, n: Normaliser): string {
  const items = v.s.items ? n.normalise(v.s.items) : undefined;
  const types = v.s.types ? [...v.s.types].sort().join("|") : "*";
  return `${types}:${items?.refName ?? items?.title ?? ""}:${v.s.title ?? ""}`;
}

function match(
  cmp: SchemaComparer,
  before: Variant[],
  after: Variant[],
  side: Side,
  kind: string,
  out: SchemaChange[],
): { added: Variant[]; removed: Variant[]; kept: Variant[] } {
  let left = before;
  let right = after;
  const pairs: [Variant, Variant][] = [];
  const take = (test: (l: Variant, r: Variant) => boolean): void => {
    for (const l of [...left]) {
      const r = right.find((x) => test(l, x));
      if (!r) continue;
      pairs.push([l, r]);
      left = left.filter((x) => x !== l);
      right = right.filter((x) => x !== r);
    }
  };
  take((l, r) => l.s.refName !== undefined && l.s.refName === r.s.refName);
  take((l, r) => cmp.compareNormal(l.s, r.s, side).length === 0);
  take((l, r) => shape(l, cmp.base) === shape(r, cmp.head));
  if (left.length === right.length) take(() => true);
  for (const [l, r] of pairs) {
    for (const c of cmp.compareNormal(l.s, r.s, side))
      out.push({ ...c, path: [`(${kind} ${r.label})`, ...c.path] });
  }
  return { added: right, removed: left, kept: pairs.map(([, r]) => r) };
}
