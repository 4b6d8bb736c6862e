import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRestClient } from "../../app/gateway/rest-client.ts";
import { html } from "../../dashboard/html.ts";
import { LiveViews } from "../../dashboard/live/live-views.ts";
import { issueProbe, ProbeCache } from "../../dashboard/live/probes.ts";
import type { ViewOutput } from "../../dashboard/views/context.ts";

/**
 * A stand-in for one GitHub resource that follows GitHub's documented conditional requests
 * ("Best practices for using the REST API": an `etag` on each answer; `If-None-Match` with it
 * answers `304 Not Modified`, which does not count against the rate limit).
 */
let server: Server;
let baseUrl = "";
let body = { number: 1, state: "open", body: "v1" };
const seen: { etag: string | undefined; status: number }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.endsWith("/issues/404")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Not Found" }));
      return;
    }
    const etag = `"${Buffer.from(JSON.stringify(body)).toString("base64url").slice(-20)}"`;
    const status = req.headers["if-none-match"] === etag ? 304 : 200;
    seen.push({ etag: req.headers["if-none-match"] as string | undefined, status });
    res.writeHead(status, { etag, "content-type": "application/json" });
    res.end(status === 304 ? undefined : JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** What a page's event stream receives. */
function client() {
  const chunks: string[] = [];
  const res = { write: (c: string) => chunks.push(c), on: () => res, end: () => undefined };
  return { res: res as unknown as ServerResponse, chunks };
}

describe("keeping open pages current", () => {
  it("asks each probe conditionally, re-renders only on a change and pushes only a different page", async () => {
    const probes = new ProbeCache(createRestClient({ token: "t", baseUrl }));
    const probe = issueProbe("acme/hub", 1);
    let renders = 0;
    let content = "first";
    const render = async (): Promise<ViewOutput> => {
      renders++;
      const print = await probes.check(probe, 2_000);
      return {
        title: "T",
        crumbs: [],
        main: html`<p>${content}</p>`,
        probes: [probe],
        seen: new Map([[probe.key, print]]),
      };
    };
    const live = new LiveViews({ probes, intervalMs: 1, render, manual: true });
    const version = live.rendered("/1", await render());
    const page = client();
    live.subscribe("/1", version, page.res);
    expect(renders).toBe(1);

    await live.tick(); // nothing changed: one conditional request answered 304, no render
    expect(seen.at(-1)).toMatchObject({ status: 304 });
    expect(seen.at(-1)!.etag).toBeDefined();
    expect(renders).toBe(1);
    expect(page.chunks).toEqual([]);

    body = { ...body, body: "v2" }; // GitHub changed, the page did not
    await live.tick();
    expect(seen.at(-1)).toMatchObject({ status: 200 });
    expect(renders).toBe(2);
    expect(page.chunks).toEqual([]);

    body = { ...body, state: "closed" };
    content = "second";
    await live.tick();
    expect(renders).toBe(3);
    expect(page.chunks).toHaveLength(1);
    expect(page.chunks[0]).toMatch(/^event: update\ndata: \{.*"html":"<p>second<\/p>".*\}\n\n$/);

    // A page that subscribes with an old version gets the current one at once.
    const late = client();
    live.subscribe("/1", version, late.res);
    expect(late.chunks[0]).toContain("<p>second</p>");
    expect(live.rounds).toBe(3);
    await live.stop();
  });

  it("keeps an answer's data for 304s and tells a vanished resource apart", async () => {
    const probes = new ProbeCache(createRestClient({ token: "t", baseUrl }));
    const probe = issueProbe("acme/hub", 1);
    const first = await probes.read(probe);
    const again = await probes.read(probe);
    expect(seen.at(-1)!.status).toBe(304);
    expect(again).toEqual(first);
    expect((again.data as { state: string }).state).toBe("closed");
    expect(await probes.read(issueProbe("acme/hub", 404))).toEqual({
      print: "gone 404",
      data: null,
    });
  });
});
