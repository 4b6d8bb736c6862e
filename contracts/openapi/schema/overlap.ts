import type { NormalSchema } from "./model.ts";
import type { Normaliser } from "./normaliser.ts";
import { canonical } from "./values.ts";

/** How deep property schemas are followed before assuming they overlap. */
const MAX_DEPTH = 4;

/**
 * Whether a value that is valid for `old` (an existing oneOf variant) and written the way a client
 * writes it — only properties `old` describes — can also be valid for `added`: then a oneOf that
 * gains `added` rejects that value, because it matches two variants. Proven disjoint only by
 * types, enum/const values, numeric ranges, or a property both need with disjoint values (a
 * discriminator); otherwise assumed to overlap.
 */
export function mayOverlap(
  n: Normaliser,
  old: NormalSchema,
  added: NormalSchema,
  depth = 0,
): boolean {
  if (depth > MAX_DEPTH) return true;
  if (old.nullable && added.nullable) return true;
  const types = commonTypes(old.types, added.types);
  if (types !== undefined && types.size === 0) return false;
  if (!enumsMeet(old, added, types)) return false;
  if (!rangesMeet(old, added)) return false;
  // A client of an object variant sends objects; of anything else, values we cannot tell apart.
  const oldIsObject = old.types
    ? old.types.size === 1 && old.types.has("object")
    : isObjectLike(old);
  return oldIsObject ? objectsMeet(n, old, added, depth) : true;
}

function commonTypes(
  a?: ReadonlySet<string>,
  b?: ReadonlySet<string>,
): ReadonlySet<string> | undefined {
  if (!a) return b;
  if (!b) return a;
  const out = new Set<string>();
  for (const t of a) if (b.has(t) || (t === "integer" && b.has("number"))) out.add(t);
  for (const t of b) if (t === "integer" && a.has("number")) out.add(t);
  return out;
}

const JSON_TYPE = (v: unknown): string =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "array"
      : typeof v === "number"
        ? Number.isInteger(v)
          ? "integer"
          : "number"
        : typeof v;

function fits(v: unknown, types: ReadonlySet<string> | undefined): boolean {
  if (!types) return true;
  const t = JSON_TYPE(v);
  return types.has(t) || (t === "integer" && types.has("number"));
}

function enumsMeet(a: NormalSchema, b: NormalSchema, types?: ReadonlySet<string>): boolean {
  if (a.enum && b.enum) {
    const mine = new Set(a.enum.map(canonical));
    return b.enum.some((v) => mine.has(canonical(v)) && fits(v, types));
  }
  const list = a.enum ?? b.enum;
  return list === undefined || list.some((v) => fits(v, types));
}

function rangesMeet(a: NormalSchema, b: NormalSchema): boolean {
  const below = (upper: NormalSchema["upper"], lower: NormalSchema["lower"]) =>
    upper !== undefined &&
    lower !== undefined &&
    (upper.value < lower.value ||
      (upper.value === lower.value && (upper.exclusive || lower.exclusive)));
  return !below(a.upper, b.lower) && !below(b.upper, a.lower);
}

const isObjectLike = (s: NormalSchema): boolean => s.properties.size > 0 || s.required.size > 0;

/**
 * An object valid for both, using only what `old` describes: everything `added` requires is a
 * property `old` describes, everything `old` requires is allowed by `added`, and every property
 * both require can take a value both accept.
 */
function objectsMeet(
  n: Normaliser,
  old: NormalSchema,
  added: NormalSchema,
  depth: number,
): boolean {
  for (const name of added.required)
    if (!old.properties.has(name) && !old.required.has(name)) return false;
  for (const name of old.required)
    if (!added.properties.has(name) && added.additional === false) return false;
  for (const name of new Set([...old.required, ...added.required])) {
    const x = old.properties.get(name);
    const y = added.properties.get(name);
    if (x && y && !mayOverlap(n, n.normalise(x), n.normalise(y), depth + 1)) return false;
  }
  return true;
}
