import { isObject, join } from "../pointer.ts";
import type { Bound, CountKeyword, NormalSchema, SchemaRef } from "./model.ts";

const COUNT_KEYWORDS: readonly CountKeyword[] = [
  "maxLength",
  "minLength",
  "maxItems",
  "minItems",
  "maxProperties",
  "minProperties",
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
  const properties = new Map<string, SchemaRef>();
  if (isObject(s["properties"])) {
    for (const [name, node] of Object.entries(s["properties"])) {
      properties.set(name, { node, pointer: join(pointer, "properties", name) });
    }
  }
  const add = s["additionalProperties"];
  const out: NormalSchema = {
    pointer,
    nullable,
    counts,
    patterns: typeof s["pattern"] === "string" ? [s["pattern"]] : [],
    uniqueItems: s["uniqueItems"] === true,
    hasDefault: "default" in s,
    readOnly: s["readOnly"] === true,
    writeOnly: s["writeOnly"] === true,
    deprecated: s["deprecated"] === true,
    properties,
    required: new Set(arrayOf(s["required"]).filter((r): r is string => typeof r === "string")),
    additional:
      add === false
        ? false
        : isObject(add)
          ? { node: add, pointer: join(pointer, "additionalProperties") }
          : true,
    allOf: [],
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
  const oneOf = refList(s["oneOf"], join(pointer, "oneOf"));
  if (oneOf) out.oneOf = oneOf;
  const anyOf = refList(s["anyOf"], join(pointer, "anyOf"));
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

export function refList(value: unknown, pointer: string): SchemaRef[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((node, i) => ({ node, pointer: join(pointer, i) }));
}
