import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.ts";
import {
  actionsSandbox,
  addRepo,
  jobLog,
  jobsOf,
  octokitFor,
  settledRuns,
  webhookSink,
} from "./fixtures.ts";

const pipeline = `name: Pipeline
on:
  workflow_dispatch:
    inputs:
      fail:
        type: boolean
        default: false
env:
  STAGE: ci
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      version: \${{ steps.v.outputs.version }}
      notes: \${{ steps.v.outputs.notes }}
    steps:
      - id: v
        run: |
          echo "version=1.2.\${{ github.run_number }}" >> "$GITHUB_OUTPUT"
          { echo "notes<<EOF"; echo "line one"; echo "line two"; echo "EOF"; } >> "$GITHUB_OUTPUT"
          echo "FROM_ENV_FILE=yes" >> "$GITHUB_ENV"
          mkdir -p "$RUNNER_TEMP/bin" && printf '#!/bin/sh\\necho tool-on-path\\n' > "$RUNNER_TEMP/bin/mytool" && chmod +x "$RUNNER_TEMP/bin/mytool"
          echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"
      - name: Sees env file, path and defaults
        run: |
          test "$FROM_ENV_FILE" = yes
          mytool
          echo "stage=$STAGE event=$GITHUB_EVENT_NAME ci=$CI actions=$GITHUB_ACTIONS os=$RUNNER_OS"
          test "$(node -e 'console.log(require(process.env.GITHUB_EVENT_PATH).inputs.fail)')" = "\${{ inputs.fail }}"
          test -z "$GITHUB_TOKEN"
          test -z "\${HAVUN_HOST_ONLY:-}"
          test "$HOME" = "$RUNNER_WORKSPACE/home"
          echo "::add-mask::hunter2"
          echo "::group::Secrets"
          echo "the password is hunter2"
          echo "::endgroup::"
      - name: Flaky but tolerated
        continue-on-error: true
        run: exit 3
      - name: Maybe fail
        if: inputs.fail
        run: |
          echo "::error file=src/app.js,line=7,title=Broken::something broke"
          exit 1
      - name: Only after a failure
        if: failure()
        run: echo "cleaning up after failure"
      - name: Always
        if: always()
        shell: node
        run: console.log("node step sees", process.env.STAGE)
  test:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "testing \${{ needs.build.outputs.version }}"
          test "\${{ needs.build.result }}" = success
      - shell: sh
        run: printf '%s\\n' "\${{ needs.build.outputs.notes }}" | grep -c line
  report:
    needs: [build, test]
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "build=\${{ needs.build.result }} test=\${{ needs.test.result }}"
`;

const followUp = `name: Follow-up
on:
  workflow_run:
    workflows: [Pipeline]
    types: [completed]
jobs:
  note:
    runs-on: ubuntu-latest
    steps:
      - run: echo "pipeline \${{ github.event.workflow_run.conclusion }}"
`;

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
beforeAll(async () => {
  process.env.HAVUN_HOST_ONLY = "this machine's environment stays out of jobs";
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  await addRepo(sb, "pipe", {
    ".github/workflows/pipeline.yml": pipeline,
    ".github/workflows/follow-up.yml": followUp,
  });
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
});

async function dispatch(fail: boolean) {
  const gh = octokitFor(sb, sb.token("alice"));
  await gh.actions.createWorkflowDispatch({
    owner: "acme",
    repo: "pipe",
    workflow_id: "pipeline.yml",
    ref: "main",
    inputs: { fail: String(fail) },
  });
}

describe("steps, outputs and needs", () => {
  it("passes outputs, env and path between steps and jobs; continue-on-error does not fail the run", async () => {
    await dispatch(false);
    const run = (await settledRuns(sb, "pipe", 2)).find((r) => r.name === "Pipeline");
    expect(run).toMatchObject({ event: "workflow_dispatch", conclusion: "success" });
    const jobs = await jobsOf(sb, "pipe", run!.id);
    expect(jobs.map((j) => [j.name, j.conclusion])).toEqual([
      ["build", "success"],
      ["test", "success"],
      ["report", "success"],
    ]);
    const build = jobs[0]!;
    expect(build.steps!.map((s) => s.conclusion)).toEqual([
      "success",
      "success",
      "success",
      "skipped",
      "skipped",
      "success",
    ]);
    const log = await jobLog(sb, "pipe", build.id);
    expect(log).toContain("tool-on-path");
    expect(log).toMatch(/##\[group\]Secrets\n.* the password is \*\*\*\n.* ##\[endgroup\]/);
    expect(log).not.toContain("hunter2\n");
    expect(log).toContain("stage=ci event=workflow_dispatch ci=true actions=true os=Linux");
    expect(log).toContain("Process completed with exit code 3.");
    expect(log).toContain("node step sees ci");
    const test = await jobLog(sb, "pipe", jobs[1]!.id);
    expect(test).toContain(`testing 1.2.${run!.run_number}`);
    expect(test).toMatch(/Z 2\n/);
    expect(await jobLog(sb, "pipe", jobs[2]!.id)).toContain("build=success test=success");
    expect(await readdir(join(sb.core.git.root, "actions", "work"))).toEqual([]);
  });

  it("fails the run on a failing step, skips dependents, runs failure() and always() steps, annotates", async () => {
    await dispatch(true);
    const runs = await settledRuns(sb, "pipe", 4);
    const run = runs.find((r) => r.name === "Pipeline")!;
    expect(run.conclusion).toBe("failure");
    const jobs = await jobsOf(sb, "pipe", run.id);
    expect(jobs.map((j) => [j.name, j.conclusion])).toEqual([
      ["build", "failure"],
      ["test", "skipped"],
      ["report", "success"],
    ]);
    expect(jobs[0]!.steps!.map((s) => s.conclusion)).toEqual([
      "success",
      "success",
      "success",
      "failure",
      "success",
      "success",
    ]);
    expect(await jobLog(sb, "pipe", jobs[0]!.id)).toContain("cleaning up after failure");
    expect(await jobLog(sb, "pipe", jobs[2]!.id)).toContain("build=failure test=skipped");
    const gh = octokitFor(sb, sb.token("alice"));
    const checkRunId = Number(jobs[0]!.check_run_url!.split("/").pop());
    const check = await gh.checks.get({ owner: "acme", repo: "pipe", check_run_id: checkRunId });
    expect(check.data.conclusion).toBe("failure");
    expect(check.data.output.title).toBe("Job failed: Process completed with exit code 1.");
    const notes = await gh.checks.listAnnotations({
      owner: "acme",
      repo: "pipe",
      check_run_id: checkRunId,
    });
    expect(notes.data).toContainEqual(
      expect.objectContaining({
        path: "src/app.js",
        start_line: 7,
        annotation_level: "failure",
        title: "Broken",
        message: "something broke",
      }),
    );
    const completed = hooks.events.filter(
      (e) =>
        e.name === "workflow_run" &&
        e.body.action === "completed" &&
        e.body.workflow.name === "Pipeline",
    );
    expect(completed.map((e) => e.body.workflow_run.conclusion)).toEqual(["success", "failure"]);
    const follow = runs.filter((r) => r.name === "Follow-up");
    expect(follow.map((r) => [r.event, r.conclusion])).toEqual([
      ["workflow_run", "success"],
      ["workflow_run", "success"],
    ]);
    const [note] = await jobsOf(sb, "pipe", follow[0]!.id);
    expect(await jobLog(sb, "pipe", note!.id)).toContain("pipeline failure");
  });
});
