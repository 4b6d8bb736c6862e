import type { ServerResponse } from "node:http";
import type { ModelApiError } from "./errors.ts";
import type { AssistantMessage, ResponseBlock } from "./reply.ts";

/** Splits into pieces of about `size` characters, so clients see several deltas. */
function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [""];
}

function startOf(b: ResponseBlock): Record<string, unknown> {
  if (b.type === "text") return { type: "text", text: "" };
  if (b.type === "thinking") return { type: "thinking", thinking: "", signature: "" };
  return { type: "tool_use", id: b.id, name: b.name, input: {} };
}

function deltasOf(b: ResponseBlock, size: number): Array<Record<string, unknown>> {
  if (b.type === "text") return chunks(b.text, size).map((text) => ({ type: "text_delta", text }));
  if (b.type === "thinking")
    return [
      ...chunks(b.thinking, size).map((thinking) => ({ type: "thinking_delta", thinking })),
      { type: "signature_delta", signature: b.signature },
    ];
  return chunks(JSON.stringify(b.input), size).map((partial_json) => ({
    type: "input_json_delta",
    partial_json,
  }));
}

export function sseHeaders(requestId: string): Record<string, string> {
  return {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "request-id": requestId,
  };
}

/**
 * Streams a message as the API does: message_start, ping, per block content_block_start /
 * deltas / content_block_stop, message_delta (stop_reason, usage), message_stop. With `error`,
 * stops after message_start and sends an `error` event instead, like an overload mid-stream.
 */
export function writeSse(
  res: ServerResponse,
  message: AssistantMessage,
  requestId: string,
  options: { chunkChars?: number; error?: ModelApiError } = {},
): void {
  const send = (event: string, data: Record<string, unknown>): void => {
    if (!res.destroyed)
      res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
  };
  const size = options.chunkChars ?? 24;
  res.writeHead(200, sseHeaders(requestId));
  const { content, stop_reason, usage } = message;
  send("message_start", {
    message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
  });
  send("ping", {});
  if (options.error) {
    send("error", options.error.body(requestId));
    res.end();
    return;
  }
  content.forEach((block, index) => {
    send("content_block_start", { index, content_block: startOf(block) });
    for (const delta of deltasOf(block, size)) send("content_block_delta", { index, delta });
    send("content_block_stop", { index });
  });
  send("message_delta", { delta: { stop_reason, stop_sequence: null }, usage });
  send("message_stop", {});
  res.end();
}
