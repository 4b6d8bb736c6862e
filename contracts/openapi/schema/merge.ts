import {
  MERGE,
  UNIONS,
  type CountKeyword,
  type MergeNode,
  type NormalSchema,
  type SchemaRef,
} from "./model.ts";
import { tighter } from "./own.ts";
import { canonical } from "./values.ts";

/**
 * The schema that means "a and b" (one allOf member folded into its parent). Merging first is what
 * makes `$ref`/`allOf` refactors invisible: an object split into allOf of two objects merges back
 * into the same properties and required set. `a` keeps its identity (pointer, name, title).
 */
export function intersect(a: NormalSchema, b: NormalSchema): NormalSchema {
  const out: NormalSchema = {
    ...a,
    nullable: a.nullable || b.nullable,
    counts: mergeCounts(a.counts, b.counts),
    patterns: [...new Set([...a.patterns, ...b.patterns])],
    uniqueItems: a.uniqueItems || b.uniqueItems,
    hasDefault: a.hasDefault || b.hasDefault,
    readOnly: a.readOnly || b.readOnly,
    writeOnly: a.writeOnly || b.writeOnly,
    deprecated: a.deprecated || b.deprecated,
    properties: mergeMaps(a.properties, b.properties),
    required: new Set([...a.required, ...b.required]),
    additional: mergeAdditional(a.additional, b.additional),
    allOf: [...a.allOf, ...b.allOf],
    dependentRequired: mergeDependent(a.dependentRequired, b.dependentRequired),
    dependentSchemas: mergeMaps(a.dependentSchemas, b.dependentSchemas),
    unevaluatedProperties: mergeAdditional(a.unevaluatedProperties, b.unevaluatedProperties),
    unevaluatedItems: mergeAdditional(a.unevaluatedItems, b.unevaluatedItems),
    conditionals: [...a.conditionals, ...b.conditionals],
  };
  const types = intersectTypes(a.types, b.types);
  if (types) out.types = types;
  if (a.format === undefined && b.format !== undefined) out.format = b.format;
  if (!a.hasDefault && b.hasDefault) out.default = b.default;
  const e = intersectEnums(a.enum, b.enum);
  if (e) out.enum = e;
  if (b.lower) out.lower = a.lower ? tighter(a.lower, b.lower, "lower") : b.lower;
  if (b.upper) out.upper = a.upper ? tighter(a.upper, b.upper, "upper") : b.upper;
  if (out.multipleOf === undefined && b.multipleOf !== undefined) out.multipleOf = b.multipleOf;
  if (b.items) out.items = a.items ? mergeRef(a.items, b.items) : b.items;
  if (b.contains) out.contains = a.contains ? mergeRef(a.contains, b.contains) : b.contains;
  if (b.prefixItems) out.prefixItems = mergePrefix(a.prefixItems ?? [], b.prefixItems);
  if (!a.discriminator && b.discriminator) out.discriminator = b.discriminator;
  if (out.title === undefined && b.title !== undefined) out.title = b.title;
  for (const kind of UNIONS) {
    const mine = a[kind];
    const theirs = b[kind];
    if (!theirs) continue;
    if (!mine) out[kind] = theirs;
    else
      out.allOf = [
        ...out.allOf,
        { node: { [kind]: theirs.map((r) => r.node) }, pointer: b.pointer },
      ];
  }
  return out;
}

/** A lazy reference to "all of these schemas": a property defined by two allOf members. */
export function mergeRef(a: SchemaRef, b: SchemaRef): SchemaRef {
  const node: MergeNode = { [MERGE]: [a, b] };
  return { node, pointer: a.pointer };
}

function intersectTypes(
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

function intersectEnums(
  a?: readonly unknown[],
  b?: readonly unknown[],
): readonly unknown[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const keep = new Set(b.map(canonical));
  return a.filter((v) => keep.has(canonical(v)));
}

function mergeCounts(a: NormalSchema["counts"], b: NormalSchema["counts"]): NormalSchema["counts"] {
  const out = { ...a };
  for (const [k, v] of Object.entries(b) as [CountKeyword, number][]) {
    const mine = out[k];
    out[k] = mine === undefined ? v : k.startsWith("max") ? Math.min(mine, v) : Math.max(mine, v);
  }
  return out;
}

function mergeMaps(
  a: ReadonlyMap<string, SchemaRef>,
  b: ReadonlyMap<string, SchemaRef>,
): ReadonlyMap<string, SchemaRef> {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const out = new Map(a);
  for (const [name, ref] of b) {
    const mine = out.get(name);
    out.set(name, mine ? mergeRef(mine, ref) : ref);
  }
  return out;
}

function mergeDependent(
  a: ReadonlyMap<string, readonly string[]>,
  b: ReadonlyMap<string, readonly string[]>,
): ReadonlyMap<string, readonly string[]> {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const out = new Map(a);
  for (const [key, names] of b) out.set(key, [...new Set([...(out.get(key) ?? []), ...names])]);
  return out;
}

/** Position by position: both prefixes apply to the same items. */
function mergePrefix(a: readonly SchemaRef[], b: readonly SchemaRef[]): readonly SchemaRef[] {
  const out = [...a];
  b.forEach((ref, i) => {
    const mine = out[i];
    out[i] = mine ? mergeRef(mine, ref) : ref;
  });
  return out;
}

function mergeAdditional(a: boolean | SchemaRef, b: boolean | SchemaRef): boolean | SchemaRef {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return mergeRef(a, b);
}
