import { isObject, join } from "../pointer.ts";
import type { Bound, Conditional, CountKeyword, NormalSchema, SchemaRef } from "./model.ts";

const COUNT_KEYWORDS: readonly CountKeyword[] = [
  "maxLength",
  "minLength",
  "maxItems",
  "minItems",
  "maxProperties",
  "minProperties",
  "minContains",
  "maxContains",
];

/** The keywords a schema object states itself, normalised; allOf members are merged later. */
export function ownKeywords(s: Record<string, unknown>, pointer: string): NormalSchema {
  const rawTypes = typeof s["type"] === "string" ? [s["type"]] : arrayOf(s["type"]);
  const typeList = rawTypes.filter((t): t is string => typeof t === "string");
  const enumRaw = "const" in s ? [s["const"]] : Array.isArray(s["enum"]) ? s["enum"] : undefined;
  const nullable =
    s["nullable"] === true ||
    typeList.includes("null") ||
    (enumRaw !== undefined && enumRaw.includes(null));
  const counts: NormalSchema["counts"] = {};
  for (const k of COUNT_KEYWORDS) if (typeof s[k] === "number") counts[k] = s[k] as number;
  let properties: ReadonlyMap<string, SchemaRef> = NO_PROPERTIES;
  if (isObject(s["properties"])) {
    const map = new Map<string, SchemaRef>();
    for (const name in s["properties"])
      map.set(name, { node: s["properties"][name], pointer: join(pointer, "properties", name) });
    properties = map;
  }
  const add = s["additionalProperties"];
  const out: NormalSchema = {
    pointer,
    nullable,
    counts,
    patterns: typeof s["pattern"] === "string" ? [s["pattern"]] : NO_PATTERNS,
    uniqueItems: s["uniqueItems"] === true,
    hasDefault: "default" in s,
    readOnly: s["readOnly"] === true,
    writeOnly: s["writeOnly"] === true,
    deprecated: s["deprecated"] === true,
    properties,
    required: Array.isArray(s["required"])
      ? new Set(s["required"].filter((r): r is string => typeof r === "string"))
      : NO_REQUIRED,
    additional:
      add === false
        ? false
        : isObject(add)
          ? { node: add, pointer: join(pointer, "additionalProperties") }
          : true,
    allOf: [],
    dependentRequired: dependentRequired(s["dependentRequired"]),
    dependentSchemas: schemaMap(s["dependentSchemas"], pointer, "dependentSchemas"),
    unevaluatedProperties: open(s["unevaluatedProperties"], pointer, "unevaluatedProperties"),
    unevaluatedItems:
      s["items"] === false ? false : open(s["unevaluatedItems"], pointer, "unevaluatedItems"),
    conditionals: isObject(s["if"]) ? [conditional(s, pointer)] : NO_CONDITIONALS,
  };
  if (rawTypes.length > 0) out.types = new Set(typeList.filter((t) => t !== "null"));
  if (typeof s["title"] === "string") out.title = s["title"];
  if (typeof s["format"] === "string") out.format = s["format"];
  if (enumRaw !== undefined) out.enum = enumRaw.filter((v) => v !== null);
  if (out.hasDefault) out.default = s["default"];
  const lower = bound(s["minimum"], s["exclusiveMinimum"], "lower");
  if (lower) out.lower = lower;
  const upper = bound(s["maximum"], s["exclusiveMaximum"], "upper");
  if (upper) out.upper = upper;
  if (typeof s["multipleOf"] === "number") out.multipleOf = s["multipleOf"];
  if (isObject(s["items"])) out.items = { node: s["items"], pointer: join(pointer, "items") };
  const prefix = refList(s["prefixItems"], pointer, "prefixItems");
  if (prefix) out.prefixItems = prefix;
  if (isObject(s["contains"]))
    out.contains = { node: s["contains"], pointer: join(pointer, "contains") };
  const oneOf = refList(s["oneOf"], pointer, "oneOf");
  if (oneOf) out.oneOf = oneOf;
  const anyOf = refList(s["anyOf"], pointer, "anyOf");
  if (anyOf) out.anyOf = anyOf;
  const d = s["discriminator"];
  if (isObject(d) && typeof d["propertyName"] === "string") {
    const mapping: Record<string, string> = {};
    if (isObject(d["mapping"])) {
      for (const [k, v] of Object.entries(d["mapping"])) if (typeof v === "string") mapping[k] = v;
    }
    out.discriminator = { propertyName: d["propertyName"], mapping };
  }
  return out;
}

/** Shared by the many schemas that have none (nothing mutates them). */
const NO_PROPERTIES: ReadonlyMap<string, SchemaRef> = new Map<string, SchemaRef>();
const NO_REQUIRED: ReadonlySet<string> = new Set<string>();
const NO_PATTERNS: readonly string[] = Object.freeze([]);
const NO_DEPENDENT: ReadonlyMap<string, never> = new Map<string, never>();
const NO_CONDITIONALS: readonly Conditional[] = Object.freeze([]);

/** `false`, or a schema, or true (absent, `true`, anything else). */
function open(value: unknown, pointer: string, key: string): boolean | SchemaRef {
  if (value === false) return false;
  return isObject(value) ? { node: value, pointer: join(pointer, key) } : true;
}

function dependentRequired(value: unknown): ReadonlyMap<string, readonly string[]> {
  if (!isObject(value)) return NO_DEPENDENT;
  const out = new Map<string, readonly string[]>();
  for (const [key, list] of Object.entries(value)) {
    const names = arrayOf(list).filter((n): n is string => typeof n === "string");
    if (names.length > 0) out.set(key, names);
  }
  return out;
}

function schemaMap(
  value: unknown,
  pointer: string,
  keyword: string,
): ReadonlyMap<string, SchemaRef> {
  if (!isObject(value)) return NO_DEPENDENT;
  const out = new Map<string, SchemaRef>();
  for (const [key, node] of Object.entries(value))
    out.set(key, { node, pointer: join(pointer, keyword, key) });
  return out;
}

function conditional(s: Record<string, unknown>, pointer: string): Conditional {
  const c: Conditional = { if: { node: s["if"], pointer: join(pointer, "if") } };
  if (s["then"] !== undefined) c.then = { node: s["then"], pointer: join(pointer, "then") };
  if (s["else"] !== undefined) c.else = { node: s["else"], pointer: join(pointer, "else") };
  return c;
}

/** 3.0 `minimum: 5, exclusiveMinimum: true` and 3.1 `exclusiveMinimum: 5` are the same bound. */
function bound(inclusive: unknown, exclusive: unknown, side: "lower" | "upper"): Bound | undefined {
  const candidates: Bound[] = [];
  if (typeof inclusive === "number")
    candidates.push({ value: inclusive, exclusive: exclusive === true });
  if (typeof exclusive === "number") candidates.push({ value: exclusive, exclusive: true });
  return candidates.reduce<Bound | undefined>((a, b) => (a ? tighter(a, b, side) : b), undefined);
}

/** The stricter of two bounds of the same side. */
export function tighter(a: Bound, b: Bound, side: "lower" | "upper"): Bound {
  if (a.value === b.value) return a.exclusive ? a : b;
  if (side === "lower") return a.value > b.value ? a : b;
  return a.value < b.value ? a : b;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function refList(value: unknown, pointer: string, key?: string): SchemaRef[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const at = key === undefined ? pointer : join(pointer, key);
  return value.map((node, i) => ({ node, pointer: join(at, i) }));
}
