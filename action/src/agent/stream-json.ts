import { z } from "zod";

/** Claude Code's `--output-format stream-json` output: one JSON event a line. */

const usageSchema = z.looseObject({
  input_tokens: z.number(),
  output_tokens: z.number(),
  cache_creation_input_tokens: z.number().optional(),
  cache_read_input_tokens: z.number().optional(),
});

const initSchema = z.looseObject({
  type: z.literal("system"),
  subtype: z.literal("init"),
  cwd: z.string(),
  session_id: z.string(),
  tools: z.array(z.string()),
  model: z.string(),
  permissionMode: z.string().optional(),
  claude_code_version: z.string().optional(),
});

const resultSchema = z.looseObject({
  type: z.literal("result"),
  /** "success", "error_max_turns", "error_during_execution", … */
  subtype: z.string(),
  is_error: z.boolean(),
  num_turns: z.number(),
  total_cost_usd: z.number(),
  usage: usageSchema,
  result: z.string().optional(),
  duration_ms: z.number().optional(),
  duration_api_ms: z.number().optional(),
  session_id: z.string().optional(),
  permission_denials: z.array(z.unknown()).optional(),
});

/** Claude Code reports each retry of a failed API call (429, 5xx, 529) as one of these. */
const retrySchema = z.looseObject({
  type: z.literal("system"),
  subtype: z.literal("api_retry"),
  attempt: z.number(),
  max_retries: z.number().optional(),
  retry_delay_ms: z.number().optional(),
  error_status: z.number().nullable().optional(),
  error: z.string().optional(),
});

const block = z.looseObject({ type: z.string() });
const messageEventSchema = z.looseObject({
  type: z.enum(["assistant", "user"]),
  message: z.looseObject({ content: z.union([z.string(), z.array(block)]) }),
});

export type StreamJsonEvent = { type: string; subtype?: string } & Record<string, unknown>;
export type InitEvent = z.infer<typeof initSchema>;
export type ResultEvent = z.infer<typeof resultSchema>;
export type RetryEvent = z.infer<typeof retrySchema>;
export interface ToolUse {
  id: string;
  name: string;
  input: Record<string, unknown>;
}
export interface ToolResult {
  toolUseId: string;
  text: string;
  isError: boolean;
}

export interface ParsedStreamJson {
  events: StreamJsonEvent[];
  /** Non-empty lines that were not JSON events. */
  stray: string[];
  init: InitEvent | null;
  toolUses: ToolUse[];
  toolResults: ToolResult[];
  /** The assistant's text blocks, in order. */
  texts: string[];
  retries: RetryEvent[];
  result: ResultEvent | null;
}

/** One line → its event, or null when it is not a JSON object with a `type`. */
export function parseStreamJsonLine(line: string): StreamJsonEvent | null {
  try {
    const value: unknown = JSON.parse(line);
    if (
      value &&
      typeof value === "object" &&
      typeof (value as { type?: unknown }).type === "string"
    )
      return value as StreamJsonEvent;
  } catch {
    // not JSON: reported as stray
  }
  return null;
}

function resultText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((c: { text?: unknown }) => (typeof c.text === "string" ? c.text : ""))
    .join("");
}

/** Parses the whole output and pulls out init, tool uses and results, texts and the result. */
export function parseStreamJson(stdout: string): ParsedStreamJson {
  const out: ParsedStreamJson = {
    events: [],
    stray: [],
    init: null,
    toolUses: [],
    toolResults: [],
    texts: [],
    retries: [],
    result: null,
  };
  for (const line of stdout.split("\n")) {
    if (line.trim() === "") continue;
    const event = parseStreamJsonLine(line);
    if (!event) {
      out.stray.push(line);
      continue;
    }
    out.events.push(event);
    const init = initSchema.safeParse(event);
    if (init.success) out.init = init.data;
    const retry = retrySchema.safeParse(event);
    if (retry.success) out.retries.push(retry.data);
    const result = resultSchema.safeParse(event);
    if (result.success) out.result = result.data;
    const msg = messageEventSchema.safeParse(event);
    if (!msg.success || typeof msg.data.message.content === "string") continue;
    for (const b of msg.data.message.content) {
      if (b.type === "text" && typeof b.text === "string") out.texts.push(b.text);
      if (b.type === "tool_use")
        out.toolUses.push({
          id: String(b.id),
          name: String(b.name),
          input: (b.input ?? {}) as Record<string, unknown>,
        });
      if (b.type === "tool_result")
        out.toolResults.push({
          toolUseId: String(b.tool_use_id),
          text: resultText(b.content),
          isError: b.is_error === true,
        });
    }
  }
  return out;
}
