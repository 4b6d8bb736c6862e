import type { ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";

const DOCS = "https://docs.github.com/rest";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  // A string with its own content-type (a raw file, a diff) goes out as it is.
  const text =
    body === undefined || status === 204
      ? ""
      : typeof body === "string" && headers["content-type"]
        ? body
        : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "x-github-media-type": "github.v3; format=json",
    "x-github-request-id": randomUUID().toUpperCase().slice(0, 23),
    ...headers,
    ...(text ? { "content-length": String(Buffer.byteLength(text)) } : {}),
  });
  res.end(text);
}

/** GitHub's error body: message, documentation_url, status (and errors when there are some). */
export function errorBody(
  status: number,
  message: string,
  errors?: unknown[],
): Record<string, unknown> {
  return {
    message,
    ...(errors ? { errors } : {}),
    documentation_url: DOCS,
    status: String(status),
  };
}
