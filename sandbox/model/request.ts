import { z } from "zod";
import { ModelApiError } from "./errors.ts";

/** The parts of a Messages API request body the scripted API reads; the rest passes through. */
const block = z.looseObject({ type: z.string() });
const content = z.union([z.string(), z.array(block)]);

const message = z.looseObject({
  /** user and assistant; newer Claude Code (with the per-turn-control beta) also sends system turns. */
  role: z.enum(["user", "assistant", "system"]),
  content,
});

const tool = z.looseObject({ name: z.string().optional(), type: z.string().optional() });

const countTokensSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message),
  system: z.union([z.string(), z.array(block)]).optional(),
  tools: z.array(tool).optional(),
  tool_choice: z.unknown().optional(),
});

const messagesSchema = countTokensSchema.extend({
  max_tokens: z.int().positive(),
  stream: z.boolean().optional(),
});

export type ContentBlockParam = z.infer<typeof block>;
export type MessageParam = z.infer<typeof message>;
export type CountTokensRequest = z.infer<typeof countTokensSchema>;
export type MessagesRequest = z.infer<typeof messagesSchema>;

function parseWith<T>(schema: z.ZodType<T>, raw: Buffer): T {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new ModelApiError(400, "The request body is not valid JSON.");
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
  const missing = issue?.code === "invalid_type" && issue.message.includes("undefined");
  throw new ModelApiError(400, `${where}: ${missing ? "Field required" : issue?.message}`);
}

/** Validates `POST /v1/messages` (model, max_tokens, messages) like the real API: 400 otherwise. */
export const parseMessagesRequest = (raw: Buffer): MessagesRequest =>
  parseWith(messagesSchema, raw);

/** Validates `POST /v1/messages/count_tokens` (model, messages). */
export const parseCountTokensRequest = (raw: Buffer): CountTokensRequest =>
  parseWith(countTokensSchema, raw);
