const COMBINERS = new Set(["allOf", "anyOf", "oneOf"]);
const DATA = new Set(["example", "examples", "default", "const", "enum"]);

/**
 * Rewrites an OpenAPI description (a copy) in place into what a JSON Schema 2020-12 validator
 * reads the same way: `nullable: true` (3.0) adds "null" to the type; 3.0's boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become numbers. With `closed`, an object schema that
 * lists `properties`, or composes with allOf/anyOf/oneOf, and says nothing of other properties
 * gets `unevaluatedProperties: false` — on the whole of a composition, not on its parts, so the
 * properties its parts declare count.
 */
export function closeObjects(node: unknown, closed: boolean, parentKey = ""): unknown {
  if (Array.isArray(node)) {
    node.forEach((n) => closeObjects(n, closed, parentKey));
    return node;
  }
  if (!node || typeof node !== "object") return node;
  const o = node as Record<string, unknown>;
  if (o["nullable"] === true) {
    if (typeof o["type"] === "string") o["type"] = [o["type"], "null"];
    else if (Array.isArray(o["type"]) && !o["type"].includes("null")) o["type"].push("null");
    delete o["nullable"];
  }
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof o[flag] !== "boolean") continue;
    if (o[flag] && typeof o[bound] === "number") {
      o[flag] = o[bound];
      delete o[bound];
    } else delete o[flag];
  }
  const describesObject =
    o["properties"] !== null &&
    typeof o["properties"] === "object" &&
    !Array.isArray(o["properties"]);
  if (
    closed &&
    (describesObject || [...COMBINERS].some((k) => k in o)) &&
    !("additionalProperties" in o) &&
    !("unevaluatedProperties" in o) &&
    !("patternProperties" in o) &&
    !COMBINERS.has(parentKey)
  )
    o["unevaluatedProperties"] = false;
  for (const [key, value] of Object.entries(o)) {
    // Values, not schemas (unless this is a `properties` map, whose keys are property names).
    if (DATA.has(key) && parentKey !== "properties") continue;
    closeObjects(value, closed, key);
  }
  return o;
}
