import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelProxy, type ModelProxy } from "./model-proxy.ts";

/** A stand-in for the model API over real HTTP: records what reaches it, streams an answer. */
let seen: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
const upstream = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c));
  req.on("end", () => {
    seen.push({ path: req.url ?? "", headers: req.headers, body });
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write("event: message_start\ndata: {}\n\n");
    setTimeout(() => res.end("event: message_stop\ndata: {}\n\n"), 20);
  });
});
let proxy: ModelProxy;

beforeAll(async () => {
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", () => r()));
  proxy = await startModelProxy({
    upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    apiKey: "sk-ant-the-real-key",
    maxRequests: 3,
  });
});
afterAll(async () => {
  await proxy.stop();
  await new Promise<void>((r) => upstream.close(() => r()));
});

const post = (path: string, key: string | null) =>
  fetch(`${proxy.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "x-api-key": key } : {}) },
    body: JSON.stringify({ model: "m", max_tokens: 1, messages: [] }),
  });

describe("the model proxy", () => {
  it("adds the real key on the way out; Claude Code only ever holds the run key", async () => {
    seen = [];
    const r = await post("/v1/messages?beta=true", proxy.runKey);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(
      "event: message_start\ndata: {}\n\nevent: message_stop\ndata: {}\n\n",
    );
    expect(seen[0]!.path).toBe("/v1/messages?beta=true");
    expect(seen[0]!.headers["x-api-key"]).toBe("sk-ant-the-real-key");
    expect(JSON.stringify(seen[0]!.headers)).not.toContain(proxy.runKey);
    expect(proxy.runKey).not.toContain("the-real-key");
  });

  it("refuses anyone without the run key, and every other endpoint", async () => {
    seen = [];
    expect((await post("/v1/messages", null)).status).toBe(401);
    expect((await post("/v1/messages", "sk-ant-the-real-key")).status).toBe(401);
    expect((await post("/v1/files", proxy.runKey)).status).toBe(403);
    expect(
      (await fetch(`${proxy.url}/v1/messages`, { headers: { "x-api-key": proxy.runKey } })).status,
    ).toBe(403);
    expect(seen).toEqual([]);
  });

  it("forwards at most the run's number of requests", async () => {
    // One request went through above; two more may, then the limit answers 429.
    expect((await post("/v1/messages/count_tokens", proxy.runKey)).status).toBe(200);
    expect((await post("/v1/messages", proxy.runKey)).status).toBe(200);
    expect((await post("/v1/messages", proxy.runKey)).status).toBe(429);
    expect(proxy.requests()).toBe(4);
  });
});
