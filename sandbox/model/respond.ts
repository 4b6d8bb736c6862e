import type { ServerResponse } from "node:http";
import { ModelApiError } from "./errors.ts";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    "request-id": requestId,
    ...headers,
  });
  res.end(text);
}

/** The API's error body and headers (`retry-after` when the error carries one). */
export function sendError(res: ServerResponse, err: ModelApiError, requestId: string): void {
  const headers: Record<string, string> =
    err.retryAfterSeconds !== undefined ? { "retry-after": String(err.retryAfterSeconds) } : {};
  sendJson(res, err.status, err.body(requestId), requestId, headers);
}

/** A fault rule's error: the real message texts, `retry-after: 1` on 429 unless set. */
export function faultError(rule: {
  status: number;
  message?: string;
  retryAfterSeconds?: number;
}): ModelApiError {
  const messages: Record<number, string> = {
    429: "Number of request tokens has exceeded your per-minute rate limit",
    500: "Internal server error",
    529: "Overloaded",
  };
  const retryAfter = rule.retryAfterSeconds ?? (rule.status === 429 ? 1 : undefined);
  return new ModelApiError(
    rule.status,
    rule.message ?? messages[rule.status] ?? "Injected error",
    retryAfter,
  );
}
