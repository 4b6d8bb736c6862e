import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { busyEvent, ModelFallback, type FallbackEvent } from "./model-fallback.ts";

/**
 * The model key stays in the Action's own process: Claude Code talks to this proxy on the
 * loopback with a one-run key, and the proxy adds the real key on the way to the model API.
 * Nothing the agent can read holds the real key; the run key dies with the run, and the proxy
 * forwards only the Messages API, at most `maxRequests` times. Seeing every answer, it also
 * switches a run to its agent's fallback model when the model keeps answering busy.
 */
export interface ModelProxy {
  url: string;
  /** What Claude Code sends as its API key. */
  runKey: string;
  requests(): number;
  /** When the run switched to its fallback model (model-fallback.ts); null while it has not. */
  fallback(): FallbackEvent | null;
  stop(): Promise<void>;
}

/** Busy answers in a row before a run switches to its agent's fallback model. */
export const FALLBACK_AFTER = 3;

const ALLOWED = new Set(["/v1/messages", "/v1/messages/count_tokens"]);
const DROP = new Set([
  "host",
  "x-api-key",
  "authorization",
  "connection",
  "content-length",
  "accept-encoding",
]);

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ type: "error", error: { type: "permission_error", message } }));
}

/** The request body with its `model` replaced, or as it came when it is not JSON with one. */
function modelOf(body: Buffer): { model: string | null; with(model: string): Buffer } {
  let parsed: Record<string, unknown> | null = null;
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value))
      parsed = value as Record<string, unknown>;
  } catch {
    parsed = null;
  }
  const model = typeof parsed?.model === "string" ? parsed.model : null;
  return {
    model,
    with: (m) =>
      parsed === null || m === model ? body : Buffer.from(JSON.stringify({ ...parsed, model: m })),
  };
}

export async function startModelProxy(o: {
  upstream: string;
  apiKey: string;
  maxRequests: number;
  /** The agent's model and its fallback: see model-fallback.ts. */
  fallback?: { from: string; to: string; after?: number } | null;
}): Promise<ModelProxy> {
  const rule = o.fallback
    ? new ModelFallback({ ...o.fallback, after: o.fallback.after ?? FALLBACK_AFTER })
    : null;
  const runKey = `sk-ant-havun-run-${randomBytes(24).toString("base64url")}`;
  const expected = Buffer.from(runKey);
  let count = 0;
  const upstream = o.upstream.replace(/\/+$/, "");
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const given = Buffer.from(String(req.headers["x-api-key"] ?? ""));
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return refuse(res, 401, "this proxy serves only the agent's Claude Code");
      const url = new URL(req.url ?? "/", "http://proxy");
      if (req.method !== "POST" || !ALLOWED.has(url.pathname))
        return refuse(
          res,
          403,
          `the proxy forwards only POST /v1/messages, not ${req.method} ${url.pathname}`,
        );
      if (++count > o.maxRequests)
        return refuse(res, 429, "the run's model request limit is reached");
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers: Record<string, string> = { "x-api-key": o.apiKey };
      for (const [k, v] of Object.entries(req.headers))
        if (!DROP.has(k) && typeof v === "string") headers[k] = v;
      const body = rule ? modelOf(Buffer.concat(chunks)) : null;
      const asked = body?.model ?? null;
      const send = (model: string | null) =>
        fetch(`${upstream}${url.pathname}${url.search}`, {
          method: "POST",
          headers,
          body: body && model !== null ? body.with(model) : Buffer.concat(chunks),
        });
      let answer = await send(asked === null ? null : rule!.route(asked));
      // The answer that switches the run is not passed on: the request goes again, on the fallback.
      if (asked !== null && rule!.answer(asked, answer.status, count)) {
        await answer.body?.cancel();
        count++;
        answer = await send(rule!.route(asked));
      }
      const out: Record<string, string> = {};
      answer.headers.forEach((v, k) => {
        if (k !== "content-encoding" && k !== "content-length" && k !== "transfer-encoding")
          out[k] = v;
      });
      res.writeHead(answer.status, out);
      let busy = false;
      if (answer.body)
        for await (const chunk of answer.body) {
          if (asked !== null && !busy) busy = busyEvent(Buffer.from(chunk).toString("utf8"));
          res.write(chunk);
        }
      res.end();
      // An error event in a stream answered 200 counts as busy for the requests after it.
      if (busy && asked !== null) rule!.answer(asked, 529, count);
    })().catch((err: Error) => {
      if (!res.headersSent) refuse(res, 502, `the model API could not be reached: ${err.message}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    runKey,
    requests: () => count,
    fallback: () => rule?.event() ?? null,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
