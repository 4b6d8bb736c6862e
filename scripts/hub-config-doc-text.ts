/**
 * docs/hub-config.md from the hub config's JSON Schema (itself generated from the zod schema in
 * app/config/hub-config-schema.ts), so the reference cannot drift: one row per key, with its
 * type and limits, default and description. Unknown schema shapes fail loudly.
 */
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { MINIMAL_EXAMPLE } from "../app/config/example.ts";
import { hubConfigJsonSchema } from "../app/config/json-schema.ts";

/** Where the page lives. */
export const HUB_CONFIG_DOC = fileURLToPath(new URL("../docs/hub-config.md", import.meta.url));

interface Schema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

const code = (v: unknown) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function typeOf(s: Schema): string {
  if (s.const !== undefined) return code(s.const);
  if (s.enum) return s.enum.map(code).join(" | ");
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeOf).join(" or ");
  const t = Array.isArray(s.type) ? s.type.join(" or ") : s.type;
  if (!t) throw new Error(`hub config schema: a key without a type (${JSON.stringify(s)})`);
  const limits: string[] = [];
  if (s.exclusiveMinimum !== undefined) limits.push(`> ${s.exclusiveMinimum}`);
  if (s.minimum !== undefined) limits.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) limits.push(`≤ ${s.maximum}`);
  if (s.minLength !== undefined || s.maxLength !== undefined)
    limits.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} chars`);
  if (s.minItems !== undefined || s.maxItems !== undefined)
    limits.push(`${s.minItems ?? 0}–${s.maxItems ?? "∞"} items`);
  if (s.pattern) limits.push(`matches ${code(s.pattern)}`);
  const inner = t === "array" && s.items && !s.items.properties ? ` of ${typeOf(s.items)}` : "";
  return `${t}${inner}${limits.length ? ` (${limits.join(", ")})` : ""}`;
}

function rows(s: Schema, path: string, required: boolean, out: string[]): void {
  if (path) {
    const dflt = s.default === undefined ? (required ? "required" : "") : code(s.default);
    out.push(`| \`${path}\` | ${cell(typeOf(s))} | ${cell(dflt)} | ${cell(s.description ?? "")} |`);
  }
  for (const [key, sub] of Object.entries(s.properties ?? {}))
    rows(sub, path ? `${path}.${key}` : key, (s.required ?? []).includes(key), out);
  if (s.items?.properties) rows({ ...s.items, description: undefined }, `${path}[]`, false, out);
}

/** The whole page. */
export function hubConfigDocText(schema: Schema): string {
  const table: string[] = [];
  rows(schema, "", false, table);
  const body = table.filter((r) => !r.startsWith("| `projects[]` |"));
  return [
    "# The hub config: `.github/havun.yml`",
    "",
    "<!-- Generated from app/config/havun.schema.json by `npx tsx scripts/hub-config-doc.ts`; do not edit. -->",
    "",
    `${schema.description ?? ""}`.trim(),
    "",
    "The smallest useful file:",
    "",
    "```yaml",
    MINIMAL_EXAMPLE.trimEnd(),
    "```",
    "",
    "Every key, with its type and limits, its default and what it does. The JSON Schema is",
    "[`app/config/havun.schema.json`](../app/config/havun.schema.json) (editors can use it with",
    "`# yaml-language-server: $schema=<raw URL of the file>`); approval, dispatch modes and how",
    "errors are reported are explained in [`app/config/README.md`](../app/config/README.md).",
    "An invalid file gets a comment on the hub issue listing each problem, its path and the fix.",
    "",
    "| key | type | default | what it does |",
    "| --- | ---- | ------- | ------------ |",
    ...body,
    "",
  ].join("\n");
}

/** The page as committed: generated from the current schema and formatted as Prettier does. */
export async function hubConfigDoc(): Promise<string> {
  const options = (await resolveConfig(HUB_CONFIG_DOC)) ?? {};
  return format(hubConfigDocText(hubConfigJsonSchema() as Schema), {
    ...options,
    parser: "markdown",
  });
}
