import { randomBytes } from "node:crypto";
import { messageId, toolUseId } from "./ids.ts";
import type { ScenarioBlock } from "./scenario.ts";
import type { Usage } from "./usage.ts";

export type ResponseBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> }
  | { type: "thinking"; thinking: string; signature: string };

/** A Messages API response body (`type: "message"`). */
export interface AssistantMessage {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: ResponseBlock[];
  stop_reason: string;
  stop_sequence: null;
  usage: Usage;
}

function toResponseBlock(b: ScenarioBlock): ResponseBlock {
  if (b.type === "tool_use")
    return { type: "tool_use", id: toolUseId(), name: b.name, input: b.input };
  if (b.type === "thinking")
    return {
      type: "thinking",
      thinking: b.thinking,
      signature: randomBytes(48).toString("base64"),
    };
  return { type: "text", text: b.text };
}

/** The answer to one turn, with fresh `msg_…` and `toolu_…` ids. */
export function assistantMessage(
  model: string,
  content: readonly ScenarioBlock[],
  stopReason: string | undefined,
  usage: Usage,
): AssistantMessage {
  const blocks = content.map(toResponseBlock);
  return {
    id: messageId(),
    type: "message",
    role: "assistant",
    model,
    content: blocks,
    stop_reason:
      stopReason ?? (blocks.some((b) => b.type === "tool_use") ? "tool_use" : "end_turn"),
    stop_sequence: null,
    usage,
  };
}
