import type { IncomingMessage } from "node:http";
import { cacheControlCount, contentText, systemText, toolNames } from "./conversation.ts";
import type { ModelRequestRecord } from "./recorder.ts";
import type { CountTokensRequest } from "./request.ts";

const KEPT_HEADERS = [
  "user-agent",
  "anthropic-version",
  "anthropic-beta",
  "x-app",
  /** Claude Code's session: groups a session's requests, side requests included. */
  "x-claude-code-session-id",
  /** The SDK's attempt counter: 0 first, 1 on the first retry. */
  "x-stainless-retry-count",
];

/** A record with what the HTTP request says; the handler fills in the rest as it goes. */
export function startRecord(req: IncomingMessage, path: string, beta: boolean): ModelRequestRecord {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = req.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  headers.credential = req.headers["x-api-key"]
    ? "x-api-key"
    : req.headers.authorization
      ? "authorization"
      : "none";
  return {
    at: new Date().toISOString(),
    ms: 0,
    method: req.method ?? "GET",
    path,
    beta,
    model: null,
    stream: false,
    maxTokens: null,
    systemChars: 0,
    messageCount: 0,
    messageChars: 0,
    tools: [],
    cacheControlBlocks: 0,
    toolChoice: null,
    scenario: null,
    turn: null,
    outcome: "invalid",
    status: 0,
    stopReason: null,
    usage: null,
    error: null,
    headers,
    body: null,
  };
}

/** Fills the request's shape into the record: model, sizes, tools, cache markers. */
export function describeRequest(record: ModelRequestRecord, body: CountTokensRequest): void {
  record.body = body;
  record.model = body.model;
  record.stream = body.stream === true;
  record.maxTokens = typeof body.max_tokens === "number" ? body.max_tokens : null;
  record.systemChars = systemText(body).length;
  record.messageCount = body.messages.length;
  record.messageChars = body.messages.reduce((n, m) => n + contentText(m.content).length, 0);
  record.tools = toolNames(body);
  record.cacheControlBlocks = cacheControlCount(body);
  record.toolChoice = body.tool_choice ?? null;
}
