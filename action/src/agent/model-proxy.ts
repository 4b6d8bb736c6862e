import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The model key stays in the Action's own process: Claude Code talks to this proxy on the
 * loopback with a one-run key, and the proxy adds the real key on the way to the model API.
 * Nothing the agent can read holds the real key; the run key dies with the run, and the proxy
 * forwards only the Messages API, at most `maxRequests` times.
 */
export interface ModelProxy {
  url: string;
  /** What Claude Code sends as its API key. */
  runKey: string;
  requests(): number;
  stop(): Promise<void>;
}

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

export async function startModelProxy(o: {
  upstream: string;
  apiKey: string;
  maxRequests: number;
}): Promise<ModelProxy> {
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
      const answer = await fetch(`${upstream}${url.pathname}${url.search}`, {
        method: "POST",
        headers,
        body: Buffer.concat(chunks),
      });
      const out: Record<string, string> = {};
      answer.headers.forEach((v, k) => {
        if (k !== "content-encoding" && k !== "content-length" && k !== "transfer-encoding")
          out[k] = v;
      });
      res.writeHead(answer.status, out);
      if (answer.body) for await (const chunk of answer.body) res.write(chunk);
      res.end();
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
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
