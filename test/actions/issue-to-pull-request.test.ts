import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.ts";
import {
  actionsSandbox,
  addRepo,
  jobLog,
  jobsOf,
  git,
  octokitFor,
  remote,
  settledRuns,
  webhookSink,
} from "./fixtures.ts";

const CANARY = "canary-7f3a9c21-do-not-print";

const workflow = `name: Ready
on:
  issues:
    types: [labeled]
jobs:
  work:
    if: github.event.label.name == 'havun:ready'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Greet
        id: hello
        uses: ./.github/actions/hello
        with:
          who: \${{ github.event.issue.title }}
      - name: Commit, push and open a pull request
        env:
          SECRET: \${{ secrets.CANARY }}
          GH_TOKEN: \${{ secrets.GITHUB_TOKEN }}
          GREETING: \${{ steps.hello.outputs.greeting }}
          BRANCH: havun/issue-\${{ github.event.issue.number }}
        run: |
          echo "the secret is $SECRET"
          git config user.name "github-actions[bot]"
          git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
          git checkout -b "$BRANCH"
          echo "$GREETING" > greeting.txt
          git add greeting.txt
          git commit -q -m "Greet for #\${{ github.event.issue.number }}"
          git push -q origin HEAD
          node -e '
            const api = process.env.GITHUB_API_URL + "/repos/" + process.env.GITHUB_REPOSITORY + "/pulls";
            fetch(api, {
              method: "POST",
              headers: { authorization: "token " + process.env.GH_TOKEN, "content-type": "application/json" },
              body: JSON.stringify({ title: process.env.GREETING, head: process.env.BRANCH, base: "main" }),
            }).then(async (r) => { await r.text(); console.log("pull request:", r.status); if (!r.ok) process.exit(1); });
          '
          echo "### Opened a pull request" >> "$GITHUB_STEP_SUMMARY"
`;

const onPullRequest = `name: PR
on: pull_request
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: |
          echo "ref=$GITHUB_REF head=$GITHUB_HEAD_REF base=$GITHUB_BASE_REF at=$(git rev-parse HEAD)"
          cat greeting.txt
`;

const action = `name: Hello
description: Says hello
inputs:
  who:
    description: whom to greet
    required: true
  greeting:
    description: the word
    default: Hello
outputs:
  greeting:
    description: the sentence
runs:
  using: node20
  main: index.js
`;

const actionMain = `const fs = require("node:fs");
const sentence = process.env.INPUT_GREETING + ", " + process.env.INPUT_WHO + "!";
fs.appendFileSync(process.env.GITHUB_OUTPUT, "greeting=" + sentence + "\\n");
console.log("greeted " + process.env.INPUT_WHO + " from " + process.env.GITHUB_ACTION_PATH.split("/").slice(-3).join("/"));
`;

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
beforeAll(async () => {
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  await addRepo(
    sb,
    "app",
    {
      "README.md": "# app\n",
      ".github/workflows/ready.yml": workflow,
      ".github/workflows/pr.yml": onPullRequest,
      ".github/actions/hello/action.yml": action,
      ".github/actions/hello/index.js": actionMain,
    },
    { secrets: { CANARY } },
  );
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
});

describe("a workflow triggered by labeling an issue", () => {
  it("checks out, runs a local action, pushes a branch with its token and opens a pull request", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const issue = await gh.issues.create({ owner: "acme", repo: "app", title: "Ada" });
    await gh.issues.addLabels({
      owner: "acme",
      repo: "app",
      issue_number: issue.data.number,
      labels: ["havun:ready"],
    });
    // The pull request the job opens with its token starts no pull_request run.
    const runs = await settledRuns(sb, "app", 1);
    expect(runs).toHaveLength(1);
    const run = runs[0];
    expect(run).toMatchObject({
      event: "issues",
      status: "completed",
      conclusion: "success",
      name: "Ready",
      head_branch: "main",
    });
    const [job] = await jobsOf(sb, "app", run!.id);
    expect(job).toMatchObject({ name: "work", conclusion: "success" });
    expect(job!.steps!.map((s) => [s.name, s.conclusion])).toEqual([
      ["Run actions/checkout@v4", "success"],
      ["Greet", "success"],
      ["Commit, push and open a pull request", "success"],
    ]);

    const pulls = await gh.pulls.list({ owner: "acme", repo: "app" });
    expect(pulls.data).toHaveLength(1);
    expect(pulls.data[0]).toMatchObject({
      title: "Hello, Ada!",
      head: { ref: `havun/issue-${issue.data.number}` },
    });
    expect(pulls.data[0]!.user!.login).toBe("github-actions[bot]");
    const ref = await gh.git.getRef({
      owner: "acme",
      repo: "app",
      ref: `heads/havun/issue-${issue.data.number}`,
    });
    const commit = await gh.git.getCommit({
      owner: "acme",
      repo: "app",
      commit_sha: ref.data.object.sha,
    });
    expect(commit.data.message).toBe(`Greet for #${issue.data.number}`);

    const log = await jobLog(sb, "app", job!.id);
    expect(log).toContain("the secret is ***");
    expect(log).toContain("greeted Ada from .github/actions/hello");
    expect(log).toContain("pull request: 201");
    expect(log).not.toContain(CANARY);

    const zip = await gh.actions.downloadWorkflowRunLogs({
      owner: "acme",
      repo: "app",
      run_id: run!.id,
    });
    const bytes = Buffer.from(zip.data as ArrayBuffer);
    expect(bytes.subarray(0, 4).toString("hex")).toBe("504b0304");
    expect(bytes.includes(Buffer.from("0_work.txt"))).toBe(true);
    expect(bytes.includes(Buffer.from(CANARY))).toBe(false);

    const check = await gh.checks.get({
      owner: "acme",
      repo: "app",
      check_run_id: Number(job!.check_run_url!.split("/").pop()),
    });
    expect(check.data).toMatchObject({
      name: "work",
      conclusion: "success",
      app: { slug: "github-actions" },
    });
    expect(check.data.output.summary).toContain("### Opened a pull request");

    const names = hooks.events.map((e) => `${e.name}.${e.body.action}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "workflow_run.requested",
        "workflow_run.in_progress",
        "workflow_run.completed",
        "workflow_job.queued",
        "workflow_job.in_progress",
        "workflow_job.completed",
        "check_run.completed",
      ]),
    );
  });

  it("skips the job when another label is added", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const issue = await gh.issues.create({ owner: "acme", repo: "app", title: "Grace" });
    await gh.issues.addLabels({
      owner: "acme",
      repo: "app",
      issue_number: issue.data.number,
      labels: ["bug"],
    });
    const runs = await settledRuns(sb, "app", 2);
    expect(runs[0]).toMatchObject({ conclusion: "skipped" });
    const [job] = await jobsOf(sb, "app", runs[0]!.id);
    expect(job).toMatchObject({ name: "work", conclusion: "skipped" });
  });
});

describe("a pull_request workflow", () => {
  it("runs at the head commit when a user pushes to the pull request's branch", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const [pr] = (await gh.pulls.list({ owner: "acme", repo: "app" })).data;
    const work = await mkdtemp(join(tmpdir(), "havun-actions-pr-"));
    try {
      const dir = join(work, "clone");
      await git(work, "clone", "-q", "-b", pr!.head.ref, remote(sb, sb.token("alice"), "app"), dir);
      await writeFile(join(dir, "greeting.txt"), "Hello again!\n");
      await git(dir, "commit", "-q", "-am", "Greet again");
      await git(dir, "push", "-q", "origin", "HEAD");
      const head = await git(dir, "rev-parse", "HEAD");
      const runs = await settledRuns(sb, "app", 3);
      const run = runs.find((r) => r.event === "pull_request")!;
      expect(run).toMatchObject({
        conclusion: "success",
        head_sha: head,
        head_branch: pr!.head.ref,
      });
      expect(run.pull_requests!.map((p) => p.number)).toEqual([pr!.number]);
      const [job] = await jobsOf(sb, "app", run.id);
      const log = await jobLog(sb, "app", job!.id);
      expect(log).toContain(
        `ref=refs/pull/${pr!.number}/merge head=${pr!.head.ref} base=main at=${head}`,
      );
      expect(log).toContain("Hello again!");
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
