/**
 * GitHub's REST description is OpenAPI 3.0: `nullable: true` beside `type`, `allOf` or `$ref`.
 * Ajv speaks JSON Schema, so each such schema becomes `type: [t, "null"]` or `anyOf: [s, null]`.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== "object") return node;
  const src = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === "nullable" || k === "example" || k === "examples" || k === "description") continue;
    out[k] = k === "properties" || k === "patternProperties" ? mapValues(v) : toJsonSchema(v);
  }
  if (src.nullable !== true) return out;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: "null" }] };
}

function mapValues(v: unknown): unknown {
  if (!v || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).map(([k, s]) => [k, toJsonSchema(s)]));
}
