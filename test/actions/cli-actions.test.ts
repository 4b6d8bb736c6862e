import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { Octokit } from "@octokit/rest";
import { afterAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox/index.ts";

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

const workflow = `name: Hello
on:
  push:
    paths: [".github/workflows/**", "src/**"]
  issues:
    types: [opened]
jobs:
  hello:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "hello from \${{ github.event_name }} on \${{ github.repository }}" && ls .github/workflows
`;

describe("npx havun sandbox --json runs workflows", () => {
  it("runs none when started with actions: false", async () => {
    const sb = await startSandbox({
      actions: false,
      seed: {
        users: [{ login: "ann" }],
        repos: [{ owner: "ann", name: "r", files: { ".github/workflows/w.yml": workflow } }],
      },
    });
    try {
      expect(sb.actions).toBeNull();
      const gh = new Octokit({ auth: sb.token("ann"), baseUrl: sb.apiUrl });
      await gh.issues.create({ owner: "ann", repo: "r", title: "no runs" });
      const runs = await gh.actions.listWorkflowRunsForRepo({ owner: "ann", repo: "r" });
      expect(runs.data.total_count).toBe(0);
    } finally {
      await sb.stop();
    }
  });

  it("runs a workflow put with the contents API when its events happen", async () => {
    const child = spawn(
      process.execPath,
      ["cli/bin/havun.js", "sandbox", "--json", "--rate-limit", "0"],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    children.push(child);
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    const ready = JSON.parse(line) as { apiUrl: string; token: string; owner: string };
    const gh = new Octokit({
      auth: ready.token,
      baseUrl: ready.apiUrl,
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    const repo = { owner: ready.owner, repo: "hub" };
    await gh.repos.createOrUpdateFileContents({
      ...repo,
      path: ".github/workflows/hello.yml",
      message: "Add a workflow",
      content: Buffer.from(workflow).toString("base64"),
    });
    await gh.issues.create({ ...repo, title: "hi" });
    const deadline = Date.now() + 60_000;
    let runs: Awaited<
      ReturnType<typeof gh.actions.listWorkflowRunsForRepo>
    >["data"]["workflow_runs"] = [];
    while (Date.now() < deadline) {
      runs = (await gh.actions.listWorkflowRunsForRepo(repo)).data.workflow_runs;
      if (runs.length === 2 && runs.every((r) => r.status === "completed")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(runs.map((r) => [r.event, r.conclusion]).sort()).toEqual([
      ["issues", "success"],
      ["push", "success"],
    ]);
    const jobs = await gh.actions.listJobsForWorkflowRun({
      ...repo,
      run_id: runs.find((r) => r.event === "issues")!.id,
    });
    const log = await gh.actions.downloadJobLogsForWorkflowRun({
      ...repo,
      job_id: jobs.data.jobs[0]!.id,
    });
    expect(String(log.data)).toContain(`hello from issues on ${ready.owner}/hub`);
    expect(String(log.data)).toContain("hello.yml");
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
