import { spawn } from "node:child_process";
import { Octokit } from "@octokit/rest";
import { describe, expect, it } from "vitest";
import { hubReader } from "../../app/gateway/hub-reader.ts";
import { readHubStats, type HubStats } from "../../app/gateway/read-stats.ts";
import { createRestClient } from "../../app/gateway/rest-client.ts";
import { readBoard } from "../board/board-fixture.ts";
import { quiet } from "../sandbox/fixtures.ts";

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

/**
 * What `havun stats` and the board say of a finished demo (the sandbox `havun demo --keep`
 * leaves running): its figures through the gateway and the CLI, every card done, the final
 * report's own line.
 */
export function expectStats(sandboxOf: () => { apiUrl: string; token: string }): void {
  describe("havun stats on the finished demo", () => {
    let stats: HubStats;
    const requests: Record<string, number> = {};

    it("counts the orchestration's tasks and agent pull requests: one list, one read, the config", async () => {
      const octokit = createRestClient({ token: sandboxOf().token, baseUrl: sandboxOf().apiUrl });
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
      const flags = ["--api-url", sandboxOf().apiUrl, "--token", sandboxOf().token];
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
      const gh = new Octokit({ auth: sandboxOf().token, baseUrl: sandboxOf().apiUrl, log: quiet });
      const { cards } = await readBoard(gh);
      expect(Object.keys(cards).sort()).toEqual([
        "havun/api#1",
        "havun/hub#1",
        "havun/portal#1",
        "havun/portal#2",
      ]);
      for (const card of Object.values(cards)) expect(card.Status).toBe("Done");
      expect(cards["havun/hub#1"]!.Cost).toBe(Math.round(stats.total.costUsd * 100) / 100);
      const comments = await gh.issues.listComments({
        owner: "havun",
        repo: "hub",
        issue_number: 1,
      });
      const report = comments.data.find((c) => c.body?.includes("key=final-report"))!.body!;
      expect(report).toContain(
        "**Agents:** 3 agent pull requests opened, 3 merged (100%), 0 closed unmerged",
      );
    });
  });
}
