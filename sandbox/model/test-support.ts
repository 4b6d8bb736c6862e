import Anthropic from "@anthropic-ai/sdk";
import type { ModelServer } from "./server.ts";

/** Tool definitions shaped like Claude Code's, for requests made with the SDK. */
export const TOOLS = ["Read", "Edit", "Write", "Bash"].map((name) => ({
  name,
  description: `The ${name} tool`,
  input_schema: { type: "object" as const, properties: {} },
}));

export function client(model: ModelServer, options: { maxRetries?: number } = {}): Anthropic {
  return new Anthropic({ apiKey: "sk-ant-dummy", baseURL: model.baseUrl, ...options });
}

/** A raw POST, for what the SDK would not send (bad bodies, no credentials). */
export async function post(
  model: ModelServer,
  path: string,
  body: unknown,
  headers: Record<string, string> = { "x-api-key": "sk-ant-dummy" },
): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const res = await fetch(`${model.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // SSE or empty
  }
  return { status: res.status, headers: res.headers, json, text };
}
