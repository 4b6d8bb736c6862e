import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { Octokit } from "@octokit/rest";
import { afterAll, describe, expect, it } from "vitest";
import { startModelServer } from "../../sandbox/model/index.ts";
import { quiet } from "../sandbox/fixtures.ts";
import { HUB_CONFIG, startHarness } from "./harness.ts";
import { INSTALLMENTS_PLAN, planScenario } from "./installments-plan.ts";

const run = promisify(execFile);
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

describe("havun plan --dry-run against `npx havun sandbox`", () => {
  it("prints the validated plan and writes nothing", async () => {
    const child = spawn(
      process.execPath,
      ["cli/bin/havun.js", "sandbox", "--json", "--no-actions"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    children.push(child);
    const ready = JSON.parse(
      await new Promise<string>((r) => createInterface({ input: child.stdout! }).once("line", r)),
    ) as { apiUrl: string; token: string; owner: string };
    const model = await startModelServer({ scenarios: [planScenario()] });
    try {
      const gh = new Octokit({ auth: ready.token, baseUrl: ready.apiUrl, log: quiet });
      await gh.repos.createOrUpdateFileContents({
        owner: "havun",
        repo: "hub",
        path: ".github/havun.yml",
        message: "hub config",
        content: Buffer.from(HUB_CONFIG).toString("base64"),
      });
      const head = (await gh.repos.getBranch({ owner: "havun", repo: "hub", branch: "main" })).data
        .commit.sha;
      const env = {
        ...process.env,
        GITHUB_TOKEN: ready.token,
        GITHUB_API_URL: ready.apiUrl,
        ANTHROPIC_BASE_URL: model.baseUrl,
        ANTHROPIC_API_KEY: "sk-ant-local",
      };
      const text = await run(
        process.execPath,
        [
          "cli/bin/havun.js",
          "plan",
          "Add installment payments with 3-month and 6-month options",
          "--hub",
          "havun/hub",
          "--dry-run",
        ],
        { env },
      );
      expect(text.stdout).toContain("api-installments");
      expect(text.stdout).toContain("```mermaid");
      expect(text.stdout).toContain("dry run: nothing was written");
      const json = await run(
        process.execPath,
        [
          "cli/bin/havun.js",
          "plan",
          "Add installment payments",
          "--hub",
          "havun/hub",
          "--dry-run",
          "--json",
        ],
        { env },
      );
      expect(JSON.parse(json.stdout).tasks.map((t: { id: string }) => t.id)).toEqual(
        INSTALLMENTS_PLAN.tasks.map((t) => t.id),
      );
      // Nothing written: no issue, no comment, the same head.
      expect(
        (await gh.issues.listForRepo({ owner: "havun", repo: "hub", state: "all" })).data,
      ).toHaveLength(0);
      expect(
        (await gh.repos.getBranch({ owner: "havun", repo: "hub", branch: "main" })).data.commit.sha,
      ).toBe(head);
      // The planner was told about the project repositories (read through the API).
      const sent = JSON.stringify(model.recorder.records[0]?.body ?? {});
      expect(sent).toContain("havun/portal");
      // Usage errors say what to do.
      const bad = await run(
        process.execPath,
        ["cli/bin/havun.js", "plan", "x", "--hub", "not a repo", "--dry-run"],
        { env },
      ).catch((e: { code: number; stderr: string }) => e);
      expect(bad).toMatchObject({ code: 2 });
      expect((bad as { stderr: string }).stderr).toContain("owner/repo");
    } finally {
      await model.stop();
      child.kill("SIGINT");
    }
  });
});

describe("havun status", () => {
  it("prints an orchestration's tasks and progress, as text and JSON", async () => {
    const h = await startHarness({ scenarios: [planScenario()] });
    try {
      const issue = await h.writer.issues.create({
        owner: "havun",
        repo: "hub",
        title: "Installments",
        body: "/orchestrate Add installment payments",
      });
      await h.settle();
      const env = {
        ...process.env,
        GITHUB_TOKEN: h.sb.token("wendy"),
        GITHUB_API_URL: h.sb.apiUrl,
      };
      const text = await run(
        process.execPath,
        ["cli/bin/havun.js", "status", `havun/hub#${issue.data.number}`],
        { env },
      );
      expect(text.stdout).toMatch(/api-installments\s+dispatched\s+havun\/api#\d+/);
      expect(text.stdout).toMatch(
        /admin-dashboard\s+blocked.*waits on api-installments, portal-checkout/,
      );
      const json = JSON.parse(
        (
          await run(
            process.execPath,
            ["cli/bin/havun.js", "status", `havun/hub#${issue.data.number}`, "--json"],
            { env },
          )
        ).stdout,
      );
      expect(json.progress).toEqual({ done: 0, total: 3 });
      expect(json.pending).toBe(0);
      const missing = await run(process.execPath, ["cli/bin/havun.js", "status", "havun/hub#999"], {
        env,
      }).catch((e: { code: number; stderr: string }) => e);
      expect(missing).toMatchObject({ code: 1 });
    } finally {
      await h.stop();
    }
  });
});
