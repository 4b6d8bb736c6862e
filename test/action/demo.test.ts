import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { DemoResult } from "../../cli/demo/run-demo.ts";

const run = promisify(execFile);

/**
 * The README's main command, end to end: `npx havun demo --json` runs the App (Probot over HTTP,
 * signed webhooks), the sandbox's Actions runner, the real Claude Code CLI driven by the
 * scripted model, real git and real crypto. Only GitHub and the Anthropic API are stand-ins.
 */
describe("npx havun demo --json", () => {
  it("plans three tasks in two repositories, merges a PR with real changes for each, and closes the hub", async () => {
    const { stdout, stderr } = await run(process.execPath, ["cli/bin/havun.js", "demo", "--json"], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    });
    const result = JSON.parse(stdout.trim().split("\n").pop()!) as DemoResult;
    expect(result.hub).toMatchObject({
      repo: "havun/hub",
      state: "closed",
      checklist: { total: 3, checked: 3 },
    });
    expect(result.tasks.map((t) => t.id).sort()).toEqual([
      "admin-dashboard",
      "api-installments",
      "portal-checkout",
    ]);
    expect(new Set(result.tasks.map((t) => t.repo))).toEqual(
      new Set(["havun/api", "havun/portal"]),
    );
    for (const t of result.tasks) {
      expect(t.state).toBe("closed");
      expect(t.pr?.merged).toBe(true);
      expect(t.pr?.files.length).toBeGreaterThan(0);
    }
    expect(result.tasks.find((t) => t.id === "api-installments")!.pr!.files).toEqual([
      "src/routes.js",
      "test/installments.test.js",
    ]);
    expect(result.model.requests).toBeGreaterThan(3);
    expect(result.api.requests).toBeGreaterThan(50);
    expect(stderr).toContain("reviewer merged havun/api#");
  }, 300_000);
});
