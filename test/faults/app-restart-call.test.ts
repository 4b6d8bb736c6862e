import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { appApi } from "../../action/src/shared/app-api.ts";
import type { JobEnv } from "../../action/src/shared/job-env.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(handler: Parameters<typeof createServer>[1], port = 0): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

/** A port nothing listens on yet (a server that was there and is gone: an App being restarted). */
async function freePort(): Promise<number> {
  const port = await listen(() => {});
  await new Promise((r) => servers.pop()!.close(r));
  return port;
}

async function jobFor(appPort: number): Promise<JobEnv> {
  const tokenPort = await listen((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ value: "id-token" }));
  });
  return {
    repo: { owner: "havun", name: "api", full: "havun/api" },
    apiUrl: "http://127.0.0.1:1/api/v3",
    serverUrl: "http://127.0.0.1:1",
    runUrl: "http://127.0.0.1:1/havun/api/actions/runs/1",
    workspace: "/tmp",
    runnerTemp: "/tmp",
    issueNumber: 1,
    hub: "havun/hub",
    appUrl: `http://127.0.0.1:${appPort}`,
    audience: "havuncore",
    idToken: { url: `http://127.0.0.1:${tokenPort}/token`, token: "runtime" },
  };
}

/**
 * The agent and publish jobs call the App's workflow API; an App server being restarted (a
 * deploy, a crash) is down for seconds. A job that gave up would leave its task waiting with
 * nobody to run it, so the task and publish calls wait for the App to come back.
 */
describe("the jobs' calls to the App outlast its restart", () => {
  it("the task call reaches an App that starts listening seconds later", async () => {
    const port = await freePort();
    const job = await jobFor(port);
    const asked: string[] = [];
    setTimeout(() => {
      void listen((req, res) => {
        asked.push(req.url ?? "");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ spec: { ok: true } }));
      }, port);
    }, 2_500);
    const answer = await appApi.task(job, { issue: 1, hub: "havun/hub" });
    expect(answer).toEqual({ spec: { ok: true } });
    expect(asked).toEqual(["/api/havun/v1/task"]);
  });

  it("the publish call tries again after the App's 5xx answers", async () => {
    let calls = 0;
    const port = await listen((_req, res) => {
      calls++;
      res.writeHead(calls < 3 ? 502 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify(calls < 3 ? {} : { token: "t" }));
    });
    const job = await jobFor(port);
    const result = { conclusion: "success" as const, cost_usd: 0, turns: 1 };
    await expect(appApi.publish(job, { issue: 1, hub: "havun/hub", result })).resolves.toEqual({
      token: "t",
    });
    expect(calls).toBe(3);
  });

  it("not when the App answers with a reason of its own (no workflow API configured)", async () => {
    let calls = 0;
    const port = await listen((_req, res) => {
      calls++;
      res.writeHead(503, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "API_OFF", message: "no workflow API" } }));
    });
    const job = await jobFor(port);
    await expect(appApi.task(job, { issue: 1, hub: "havun/hub" })).rejects.toMatchObject({
      code: "API_OFF",
      status: 503,
    });
    expect(calls).toBe(1);
  });

  it("a progress report (best effort) gives up after a few tries and says what failed", async () => {
    const job = await jobFor(await freePort());
    await expect(
      appApi.progress(job, { issue: 1, hub: "havun/hub", state: "running", steps: [] }),
    ).rejects.toMatchObject({ code: "APP_UNREACHABLE" });
  });
});
