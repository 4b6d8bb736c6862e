import { describe, expect, it } from "vitest";
import { readSse, type SseEvent } from "./sse-reader.ts";
import { toRequest } from "./webhook-proxy.ts";

async function events(...chunks: string[]): Promise<SseEvent[]> {
  const enc = new TextEncoder();
  async function* body() {
    for (const c of chunks) yield enc.encode(c);
  }
  const out: SseEvent[] = [];
  for await (const e of readSse(body())) out.push(e);
  return out;
}

describe("reading an event stream", () => {
  it("names events, joins data lines, skips comments and keeps id and retry", async () => {
    expect(
      await events(
        ": keep-alive\n",
        "event: ready\ndata: {}\n\n",
        "id: 7\nretry: 2500\ndata: line 1\ndata:line 2\n\n",
      ),
    ).toEqual([
      { event: "ready", data: "{}" },
      { event: "message", data: "line 1\nline 2", id: "7", retry: 2500 },
    ]);
  });

  it("handles CRLF and CR line ends split across chunks, and drops an unfinished event", async () => {
    expect(await events("data: a\r", "\n\r", "\ndata: b\r\r", "data: cut")).toEqual([
      { event: "message", data: "a" },
      { event: "message", data: "b" },
    ]);
  });

  it("dispatches nothing for an event without data", async () => {
    expect(await events("event: ping\n\n")).toEqual([]);
  });
});

describe("a channel message as the webhook request", () => {
  it("keeps GitHub's headers and the JSON body, drops the hop's headers, merges the query", () => {
    const body = { action: "opened", issue: { number: 1, title: "ünïcode" } };
    const req = toRequest(
      {
        host: "smee.example",
        "content-length": "999",
        connection: "close",
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": "d-1",
        "x-hub-signature-256": "sha256=abc",
        body,
        query: { a: "1" },
        timestamp: 123,
      },
      "http://127.0.0.1:3000/api/github/webhooks",
    );
    expect(req).toEqual({
      url: "http://127.0.0.1:3000/api/github/webhooks?a=1",
      headers: {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": "d-1",
        "x-hub-signature-256": "sha256=abc",
      },
      body: JSON.stringify(body),
    });
  });
});
