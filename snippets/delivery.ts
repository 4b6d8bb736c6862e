import { z } from "zod";
import { MAX_SNIPPET_BYTES, snippetMetaSchema } from "./metadata.ts";
import { SNIPPET_ID } from "./snippet-id.ts";

/** A task gets at most this many snippets' code, and at most this many bytes of it in all. */
export const MAX_ATTACHED = 5;
export const MAX_DELIVERY_BYTES = MAX_ATTACHED * MAX_SNIPPET_BYTES;

/** One attached snippet as the agent receives it: metadata, where it is in the hub, its code. */
export const attachedSnippetSchema = snippetMetaSchema.extend({
  id: z.string().regex(SNIPPET_ID),
  /** Its file in the library, `<category>/<name>.<ext>`. */
  file: z.string().regex(/^[a-z0-9-]{1,64}\/[a-z0-9-]{1,64}\.[a-z0-9]{1,12}$/),
  language: z.string().regex(/^[a-z0-9+#-]{1,30}$/),
  code: z.string().max(MAX_SNIPPET_BYTES),
});

/**
 * The snippets a task attaches, read from the hub at one commit: what could be read, and why
 * any other could not. The App's task API returns it; the prepare step hands it to the agent.
 */
export const snippetDeliverySchema = z.strictObject({
  /** The hub commit they were read at; null when the spec names none (the default branch). */
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .nullable(),
  attached: z.array(attachedSnippetSchema).max(MAX_ATTACHED),
  unavailable: z
    .array(z.strictObject({ id: z.string().max(200), reason: z.string().max(500) }))
    .max(20),
});

export type AttachedSnippet = z.output<typeof attachedSnippetSchema>;
export type SnippetDelivery = z.output<typeof snippetDeliverySchema>;

export const NO_SNIPPETS: SnippetDelivery = { commit: null, attached: [], unavailable: [] };
