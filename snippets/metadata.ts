import { z } from "zod";
import { withFix } from "../app/config/fixes.ts";

/** A snippet file may hold at most this many bytes (front matter included). */
export const MAX_SNIPPET_BYTES = 32 * 1024;

const tag = withFix(z.string().regex(/^[a-z0-9][a-z0-9+#.-]{0,39}$/), {
  form: "a tag",
  fix: "use lower-case letters, digits and - + # . (at most 40), like mollie or http-client",
});

const secretName = withFix(z.string().regex(/^[A-Z][A-Z0-9_]{0,127}$/), {
  form: "a secret name",
  fix: "name the secret like an environment variable, like MOLLIE_API_KEY; never write its value",
});

const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);

/**
 * A snippet's metadata: its front matter (or sidecar `<name>.meta.yml`). Only `title`,
 * `description` and `usage` are required; `language` defaults to the file extension's.
 */
export const snippetMetaSchema = z
  .strictObject({
    title: text(120, "A short name for what the code does."),
    description: text(1000, "What the code does and when to use it, in a sentence or two."),
    tags: z
      .array(tag)
      .max(20)
      .default([])
      .describe("Words to find it by: the service, the framework, the concern."),
    language: z
      .string()
      .regex(/^[a-z0-9+#-]{1,30}$/)
      .optional()
      .describe("The code's language; the file extension's by default."),
    usage: text(
      2000,
      "Where and how to use it: the file to copy it to, what to call, what to adapt.",
    ),
    requires: z
      .array(z.string().trim().min(1).max(200))
      .max(30)
      .default([])
      .describe("Packages the code needs, as you would install them (stripe, guzzlehttp/guzzle)."),
    secrets: z
      .array(secretName)
      .max(20)
      .default([])
      .describe("Names of secrets the code reads from the environment; never their values."),
  })
  .meta({
    title: "HavunCore snippet metadata",
    description:
      "The front matter of a snippet in a hub's snippet library (or its <name>.meta.yml sidecar).",
  });

export type SnippetMeta = z.output<typeof snippetMetaSchema>;
export type SnippetMetaInput = z.input<typeof snippetMetaSchema>;

/** The JSON Schema of what a person writes in front matter (defaults optional). */
export function snippetMetaJsonSchemaText(): string {
  const schema = z.toJSONSchema(snippetMetaSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
