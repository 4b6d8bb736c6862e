import type { ContentBlockParam, CountTokensRequest, MessageParam } from "./request.ts";

/** Readings of a request's conversation that scenarios match on and fill placeholders from. */

/** The text of one block: text, thinking, tool results (nested), tool inputs as JSON. */
export function blockText(b: ContentBlockParam): string {
  if (typeof b.text === "string") return b.text;
  if (typeof b.thinking === "string") return b.thinking;
  if (b.type === "tool_use") return JSON.stringify(b.input ?? {});
  if (b.type === "tool_result")
    return contentText(b.content as MessageParam["content"] | undefined);
  return "";
}

export function contentText(content: MessageParam["content"] | undefined): string {
  if (content === undefined) return "";
  if (typeof content === "string") return content;
  return content.map(blockText).join("\n");
}

export function systemText(req: CountTokensRequest): string {
  if (req.system === undefined) return "";
  return typeof req.system === "string" ? req.system : req.system.map(blockText).join("\n");
}

export function firstUserText(req: CountTokensRequest): string {
  return contentText(req.messages.find((m) => m.role === "user")?.content);
}

export function allText(req: CountTokensRequest): string {
  return [systemText(req), ...req.messages.map((m) => contentText(m.content))].join("\n");
}

export function toolNames(req: CountTokensRequest): string[] {
  return (req.tools ?? []).map((t) => t.name ?? t.type ?? "?");
}

/**
 * The turn a request asks for: the number of assistant messages before it (a trailing assistant
 * message is a prefill, not a turn). Stateless, so retries and parallel requests agree.
 */
export function turnIndex(req: CountTokensRequest): number {
  const msgs = req.messages;
  const prefill = msgs.at(-1)?.role === "assistant" ? 1 : 0;
  return msgs.filter((m) => m.role === "assistant").length - prefill;
}

/** The text of the most recent `tool_result` block in the conversation, or undefined. */
export function lastToolResult(req: CountTokensRequest): string | undefined {
  for (const m of [...req.messages].reverse()) {
    if (typeof m.content === "string") continue;
    const result = [...m.content].reverse().find((b) => b.type === "tool_result");
    if (result) return blockText(result);
  }
  return undefined;
}

const WORKING_DIRECTORY = /(?:Primary working directory|Working directory|cwd):\s*(\S[^\n]*)/;

/** The workspace path Claude Code states ("Primary working directory: …") in system or messages. */
export function workingDirectory(req: CountTokensRequest): string | undefined {
  return WORKING_DIRECTORY.exec(allText(req))?.[1]?.trim();
}

/** How many blocks (system, messages, tools) carry `cache_control`. */
export function cacheControlCount(req: CountTokensRequest): number {
  const blocks: Array<Record<string, unknown>> = [
    ...(typeof req.system === "object" ? req.system : []),
    ...req.messages.flatMap((m) => (typeof m.content === "string" ? [] : m.content)),
    ...(req.tools ?? []),
  ];
  return blocks.filter((b) => b.cache_control !== undefined && b.cache_control !== null).length;
}
