import { spawn, type ChildProcess } from "node:child_process";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hubReader } from "../../app/gateway/hub-reader.ts";
import { readHubStats, type HubStats } from "../../app/gateway/read-stats.ts";
import { createRestClient } from "../../app/gateway/rest-client.ts";
import { readBoard } from "../board/board-fixture.ts";
import { quiet } from "../sandbox/fixtures.ts";

/**
 * One finished demo (`npx havun demo --json --keep`: the App, the Actions runner, the real
 * Claude Code driven by the scripted model), then what `havun stats` and the board say of it.
 */
let demo: ChildProcess;
let sandbox: { apiUrl: string; token: string };

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["cli/bin/havun.js", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  demo = spawn(process.execPath, ["cli/bin/havun.js", "demo", "--json", "--keep"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  demo.stderr!.on("data", (d: Buffer) => (err += d));
  const line = await new Promise<string>((resolve, reject) => {
    demo.stdout!.on("data", (d: Buffer) => {
      out += d;
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    demo.on("exit", () => reject(new Error(`the demo ended without JSON: ${err.slice(-2000)}`)));
  });
  sandbox = (JSON.parse(line) as { sandbox: typeof sandbox }).sandbox;
}, 600_000);

afterAll(async () => {
  if (demo.exitCode !== null) return;
  const exited = new Promise((r) => demo.on("exit", r));
  demo.kill("SIGTERM");
  await exited;
});

describe("havun stats on a finished demo", () => {
  let stats: HubStats;
  const requests: Record<string, number> = {};

  it("counts the orchestration's tasks and agent pull requests: one list, one read, the config", async () => {
    const octokit = createRestClient({ token: sandbox.token, baseUrl: sandbox.apiUrl });
    octokit.hook.wrap("request", async (request, options) => {
      const url = String(options.url);
      const route = url.endsWith("/graphql") ? "POST /graphql" : `${options.method} ${url}`;
      requests[route] = (requests[route] ?? 0) + 1;
      return request(options);
    });
    stats = await readHubStats(hubReader({ octokit, hub: "havun/hub" }));
    // The hub's issues (one page), the orchestration (one GraphQL read), and the hub's config
    // as the App loads it (.github/havun.yml and its agents' files).
    const { "GET /repos/{owner}/{repo}/contents/{path}": config, ...rest } = requests;
    expect(rest).toEqual({ "GET /repos/{owner}/{repo}/issues": 1, "POST /graphql": 1 });
    expect(config).toBeGreaterThanOrEqual(1);
    expect(stats.orchestrations).toBe(1);
    expect(stats.total).toMatchObject({
      tasks: 3,
      done: 3,
      failed: 0,
      cancelled: 0,
      pulls: { opened: 3, merged: 3, closedUnmerged: 0, mergeRate: 1 },
      attemptsPerTask: 1,
      fixRoundsPerTask: 0,
      runs: 3,
      estimates: { tasks: 3, estimatedMinutes: 135 },
    });
    expect(stats.total.medianDispatchToMergeMinutes).toBeGreaterThan(0);
    expect(stats.total.costUsd).toBeGreaterThan(stats.plannerUsd);
    expect(stats.total.costPerMergedPullUsd).toBeCloseTo(stats.total.costUsd / 3, 3);
    expect(Object.keys(stats.byRepository)).toEqual(["havun/api", "havun/portal"]);
    expect(stats.byRepository["havun/portal"]!.pulls.merged).toBe(2);
    expect(Object.keys(stats.byKind)).toEqual(["implementation"]);
    expect(stats.tokens.planner.input).toBeGreaterThan(0);
    expect(stats.each[0]).toMatchObject({ number: 1, state: "completed" });
  });

  it("prints the same figures from the command line, and none for orchestrations after --since", async () => {
    const flags = ["--api-url", sandbox.apiUrl, "--token", sandbox.token];
    const cli = await run(["stats", "--hub", "havun/hub", "--json", ...flags]);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(stats);
    const later = await run([
      "stats",
      "--hub",
      "havun/hub",
      "--since",
      "2999-01-01",
      "--json",
      ...flags,
    ]);
    expect(JSON.parse(later.stdout)).toMatchObject({ orchestrations: 0, total: { tasks: 0 } });
    const bad = await run(["stats", "--hub", "havun/hub", "--since", "last week", ...flags]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("write it as YYYY-MM-DD, like 2026-05-01");
  });

  it("left the board with every card done, and the final report with the orchestration's own line", async () => {
    const gh = new Octokit({ auth: sandbox.token, baseUrl: sandbox.apiUrl, log: quiet });
    const { cards } = await readBoard(gh);
    expect(Object.keys(cards).sort()).toEqual([
      "havun/api#1",
      "havun/hub#1",
      "havun/portal#1",
      "havun/portal#2",
    ]);
    for (const card of Object.values(cards)) expect(card.Status).toBe("Done");
    expect(cards["havun/hub#1"]!.Cost).toBe(Math.round(stats.total.costUsd * 100) / 100);
    const comments = await gh.issues.listComments({ owner: "havun", repo: "hub", issue_number: 1 });
    const report = comments.data.find((c) => c.body?.includes("key=final-report"))!.body!;
    expect(report).toContain(
      "**Agents:** 3 agent pull requests opened, 3 merged (100%), 0 closed unmerged",
    );
  });
});
