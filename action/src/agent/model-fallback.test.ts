import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelProxy } from "./model-proxy.ts";

/** A model API over real HTTP whose `busy` model answers 529 until told otherwise. */
const seen: { model: string; status: number }[] = [];
let busy = new Set<string>();
const upstream = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c));
  req.on("end", () => {
    const { model } = JSON.parse(body) as { model: string };
    const status = busy.has(model) ? 529 : 200;
    seen.push({ model, status });
    res.writeHead(status, { "content-type": "application/json" });
    res.end(
      status === 529
        ? JSON.stringify({
            type: "error",
            error: { type: "overloaded_error", message: "Overloaded" },
          })
        : JSON.stringify({ model, answered: true }),
    );
  });
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", () => r()));
  url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((r) => upstream.close(() => r())));

async function proxyWith(fallback: { from: string; to: string } | null) {
  seen.length = 0;
  return startModelProxy({ upstream: url, apiKey: "k", maxRequests: 50, fallback });
}
const ask = (p: { url: string; runKey: string }, model: string) =>
  fetch(`${p.url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": p.runKey },
    body: JSON.stringify({ model, max_tokens: 1, messages: [] }),
  });

describe("the model proxy's fallback", () => {
  it("passes the first busy answers on, and on the third in a row sends the request again on the fallback", async () => {
    busy = new Set(["claude-opus-5-5"]);
    const p = await proxyWith({ from: "claude-opus-5-5", to: "claude-sonnet-5-5" });
    try {
      expect((await ask(p, "claude-opus-5-5")).status).toBe(529);
      expect((await ask(p, "claude-opus-5-5")).status).toBe(529);
      expect(p.fallback()).toBeNull();
      const third = await ask(p, "claude-opus-5-5");
      expect(third.status).toBe(200);
      expect(await third.json()).toEqual({ model: "claude-sonnet-5-5", answered: true });
      // From now on every request for the agent's model goes to the fallback; others are left alone.
      await ask(p, "claude-opus-5-5");
      await ask(p, "claude-haiku-5-5");
      expect(seen).toEqual([
        { model: "claude-opus-5-5", status: 529 },
        { model: "claude-opus-5-5", status: 529 },
        { model: "claude-opus-5-5", status: 529 },
        { model: "claude-sonnet-5-5", status: 200 },
        { model: "claude-sonnet-5-5", status: 200 },
        { model: "claude-haiku-5-5", status: 200 },
      ]);
      expect(p.fallback()).toEqual({
        from: "claude-opus-5-5",
        to: "claude-sonnet-5-5",
        after: 3,
        at: 4,
      });
      expect(p.requests()).toBe(6);
    } finally {
      await p.stop();
    }
  });

  it("counts busy answers in a row only: one success starts the count again", async () => {
    busy = new Set(["claude-opus-5-5"]);
    const p = await proxyWith({ from: "claude-opus-5-5", to: "claude-sonnet-5-5" });
    try {
      await ask(p, "claude-opus-5-5");
      await ask(p, "claude-opus-5-5");
      busy = new Set();
      expect((await ask(p, "claude-opus-5-5")).status).toBe(200);
      busy = new Set(["claude-opus-5-5"]);
      await ask(p, "claude-opus-5-5");
      await ask(p, "claude-opus-5-5");
      expect(p.fallback()).toBeNull();
      expect(seen.every((s) => s.model === "claude-opus-5-5")).toBe(true);
    } finally {
      await p.stop();
    }
  });

  it("without a fallback model, passes every busy answer on untouched", async () => {
    busy = new Set(["claude-opus-5-5"]);
    const p = await proxyWith(null);
    try {
      for (let i = 0; i < 4; i++) expect((await ask(p, "claude-opus-5-5")).status).toBe(529);
      expect(p.fallback()).toBeNull();
      expect(seen).toHaveLength(4);
    } finally {
      await p.stop();
    }
  });
});
