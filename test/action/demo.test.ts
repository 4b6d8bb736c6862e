import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoResult } from "../../cli/demo/run-demo.ts";
import { quiet } from "../sandbox/fixtures.ts";
import { expectRelease } from "./demo-release.ts";
import { expectStats } from "./demo-stats.ts";

/** A scenario of one's own (`--model-scenarios`): the admin task's agent, saying something new. */
const SCENARIO = `
- name: my-admin-agent
  match:
    firstUser: 'task "admin-dashboard"'
    tools: [Edit]
  turns:
    - content:
        - { type: tool_use, name: Read, input: { file_path: "{{cwd}}/src/admin.js" } }
    - content:
        - type: tool_use
          name: Edit
          input:
            file_path: "{{cwd}}/src/admin.js"
            old_string: "  return payments.map((p) => ({ id: p.id, amount: p.amount }));"
            new_string: "  return payments.map((p) => ({ id: p.id, amount: p.amount, months: p.installments ?? 1 }));"
    - content: [{ type: text, text: "MY-OWN-SCENARIO answered this task." }]
`;

/**
 * The README's main command, end to end: `npx havun demo --json` runs the App (Probot over HTTP,
 * signed webhooks), the sandbox's Actions runner, the real Claude Code CLI driven by the
 * scripted model, real git and real crypto. Only GitHub and the Anthropic API are stand-ins.
 * With `--keep --json --model-scenarios`, the JSON comes as soon as the loop ends, names the
 * sandbox, and the process stays up until SIGTERM (`havun stats` and the board are read from it). With `--release`, the phase after the last
 * merge: the hub config has `integration:` and `deploy:` and the hub's registry the portal's pact
 * for the API's `payments` contract, which the API's task makes true (its OpenAPI description
 * gains GET /installment-plans); the App checks it, then deploys the API before the portal.
 */
describe("npx havun demo --json --keep --release --model-scenarios FILE", () => {
  const dir = mkdtempSync(join(tmpdir(), "havun-demo-test-"));
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let stderr = "";
  let result: DemoResult & { sandbox: { apiUrl: string; graphqlUrl: string; token: string } };
  let gh: Octokit;

  beforeAll(async () => {
    const file = join(dir, "mine.yaml");
    writeFileSync(file, SCENARIO);
    child = spawn(
      process.execPath,
      ["cli/bin/havun.js", "demo", "--json", "--keep", "--release", "--model-scenarios", file],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d));
    exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => {
        stdout += d;
        if (stdout.includes("\n")) resolve(stdout.split("\n")[0]!);
      });
      child.on("exit", () =>
        reject(new Error(`the demo ended without JSON: ${stderr.slice(-2000)}`)),
      );
    });
    result = JSON.parse(line) as typeof result;
    gh = new Octokit({ auth: result.sandbox.token, baseUrl: result.sandbox.apiUrl, log: quiet });
  }, 600_000);

  afterAll(() => {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("plans three tasks in two repositories, merges a PR with real changes for each and closes the hub", async () => {
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
    for (const t of result.tasks) {
      expect(t.state).toBe("closed");
      expect(t.pr?.merged).toBe(true);
      expect(t.pr?.files.length).toBeGreaterThan(0);
    }
    expect(result.tasks.find((t) => t.id === "api-installments")!.pr!.files).toEqual([
      "openapi.yaml",
      "src/routes.js",
      "test/installments.test.js",
    ]);
    expect(result.model.requests).toBeGreaterThan(3);
    expect(result.api.requests).toBeGreaterThan(50);
    expect(stderr).toContain("reviewer merged havun/api#");
    expect(stderr).toContain("Who did what: api-installments by backend-engineer");
    // The scenario given on the command line answered its task.
    const admin = result.tasks.find((t) => t.id === "admin-dashboard")!;
    const pr = await gh.pulls.get({
      owner: "havun",
      repo: "portal",
      pull_number: admin.pr!.number,
    });
    expect(pr.data.body).toContain("MY-OWN-SCENARIO answered this task.");
  });

  it("checks the integration after the last merge, then deploys the API before the portal", async () => {
    expect(stderr).toContain("integration check on havun/hub: success");
    await expectRelease(gh, result);
  });

  expectStats(() => result.sandbox);

  it("stays up until SIGTERM", async () => {
    expect((await gh.repos.get({ owner: "havun", repo: "hub" })).status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
}, 600_000);
