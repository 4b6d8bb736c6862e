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

const flaky = `name: Flaky
on: workflow_dispatch
jobs:
  steady:
    runs-on: ubuntu-latest
    outputs:
      attempt: \${{ steps.a.outputs.attempt }}
    steps:
      - id: a
        run: echo "attempt=$GITHUB_RUN_ATTEMPT" >> "$GITHUB_OUTPUT"
  flaky:
    runs-on: ubuntu-latest
    steps:
      - run: test "$GITHUB_RUN_ATTEMPT" != 1
  after:
    needs: [steady, flaky]
    runs-on: ubuntu-latest
    steps:
      - run: echo "steady ran in attempt \${{ needs.steady.outputs.attempt }}, now \${{ github.run_attempt }}, region \${{ vars.REGION }}"
`;

const long = `name: Long
on: workflow_dispatch
jobs:
  wait:
    runs-on: ubuntu-latest
    steps:
      - run: sleep 30
`;

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
beforeAll(async () => {
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url, { actions: { concurrency: 3 } });
  await addRepo(sb, "svc", {
    ".github/workflows/flaky.yml": flaky,
    ".github/workflows/long.yml": long,
  });
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
});

const gh = () => octokitFor(sb, sb.token("alice"));
const repo = { owner: "acme", repo: "svc" };

describe("the Actions REST API", () => {
  it("keeps repository variables for vars.* (collaborators with write access)", async () => {
    await gh().actions.createRepoVariable({ ...repo, name: "region", value: "eu" });
    await gh().actions.updateRepoVariable({ ...repo, name: "REGION", value: "eu-west" });
    const got = await gh().actions.getRepoVariable({ ...repo, name: "REGION" });
    expect(got.data).toMatchObject({ name: "REGION", value: "eu-west" });
    await gh().actions.createRepoVariable({ ...repo, name: "GONE", value: "x" });
    await gh().actions.deleteRepoVariable({ ...repo, name: "GONE" });
    const list = await gh().actions.listRepoVariables(repo);
    expect(list.data.variables.map((v) => v.name)).toEqual(["REGION"]);
    await expect(
      gh().actions.createRepoVariable({ ...repo, name: "REGION", value: "again" }),
    ).rejects.toMatchObject({ status: 409 });
    const bob = octokitFor(sb, sb.token("bob"));
    await expect(bob.actions.listRepoVariables(repo)).rejects.toMatchObject({ status: 404 });
  });

  it("lists workflows, filters runs, and re-runs only the failed jobs (keeping the ones that passed)", async () => {
    const workflows = await gh().actions.listRepoWorkflows(repo);
    expect(workflows.data.workflows.map((w) => [w.name, w.path, w.state]).sort()).toEqual([
      ["Flaky", ".github/workflows/flaky.yml", "active"],
      ["Long", ".github/workflows/long.yml", "active"],
    ]);
    const wf = await gh().actions.getWorkflow({ ...repo, workflow_id: "flaky.yml" });
    // By file name: the sandbox's parameter validation refuses numeric ids for `workflow_id` (oneOf with coercion).
    await gh().actions.createWorkflowDispatch({ ...repo, workflow_id: "flaky.yml", ref: "main" });
    const [run] = await settledRuns(sb, "svc", 1);
    expect(run).toMatchObject({ conclusion: "failure", run_attempt: 1, workflow_id: wf.data.id });
    const byWorkflow = await gh().actions.listWorkflowRuns({ ...repo, workflow_id: "flaky.yml" });
    expect(byWorkflow.data.total_count).toBe(1);
    for (const [q, n] of [
      [{ status: "failure" }, 1],
      [{ status: "success" }, 0],
      [{ event: "push" }, 0],
      [{ branch: "main" }, 1],
      [{ head_sha: run!.head_sha }, 1],
    ] as const) {
      expect((await gh().actions.listWorkflowRunsForRepo({ ...repo, ...q })).data.total_count).toBe(
        n,
      );
    }
    const firstJobs = await jobsOf(sb, "svc", run!.id);
    const steady1 = firstJobs.find((j) => j.name === "steady")!;

    await gh().actions.reRunWorkflowFailedJobs({ ...repo, run_id: run!.id });
    const [again] = await settledRuns(sb, "svc", 1);
    expect(again).toMatchObject({ id: run!.id, run_attempt: 2, conclusion: "success" });
    expect(again!.previous_attempt_url).toMatch(/\/attempts\/1$/);
    const jobs = await jobsOf(sb, "svc", run!.id);
    expect(jobs.map((j) => [j.name, j.conclusion, j.run_attempt]).sort()).toEqual([
      ["after", "success", 2],
      ["flaky", "success", 2],
      ["steady", "success", 2],
    ]);
    expect(jobs.find((j) => j.name === "steady")!.completed_at).toBe(steady1.completed_at);
    expect(await jobLog(sb, "svc", jobs.find((j) => j.name === "after")!.id)).toContain(
      "steady ran in attempt 1, now 2, region eu-west",
    );
    const all = await gh().actions.listJobsForWorkflowRun({
      ...repo,
      run_id: run!.id,
      filter: "all",
    });
    expect(all.data.total_count).toBe(6);
    const attempt1 = await gh().actions.listJobsForWorkflowRunAttempt({
      ...repo,
      run_id: run!.id,
      attempt_number: 1,
    });
    expect(attempt1.data.jobs.map((j) => j.conclusion).sort()).toEqual([
      "failure",
      "skipped",
      "success",
    ]);

    await gh().actions.reRunWorkflow({ ...repo, run_id: run!.id });
    const [third] = await settledRuns(sb, "svc", 1);
    expect(third).toMatchObject({ run_attempt: 3, conclusion: "success" });
  });

  it("cancels a running run (202), then refuses to cancel it again (409)", async () => {
    await gh().actions.createWorkflowDispatch({ ...repo, workflow_id: "long.yml", ref: "main" });
    const deadline = Date.now() + 20_000;
    const run = await (async () => {
      while (Date.now() < deadline) {
        const { data } = await gh().actions.listWorkflowRunsForRepo({
          ...repo,
          event: "workflow_dispatch",
          status: "in_progress",
        });
        if (data.workflow_runs[0]) return data.workflow_runs[0];
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("the Long run never showed as in progress");
    })();
    const res = await gh().actions.cancelWorkflowRun({ ...repo, run_id: run.id });
    expect(res.status).toBe(202);
    const runs = await settledRuns(sb, "svc", 2);
    expect(runs.find((r) => r.id === run.id)!.conclusion).toBe("cancelled");
    await expect(gh().actions.cancelWorkflowRun({ ...repo, run_id: run.id })).rejects.toMatchObject(
      { status: 409 },
    );
    const bob = octokitFor(sb, sb.token("bob"));
    await expect(bob.actions.reRunWorkflow({ ...repo, run_id: run.id })).rejects.toMatchObject({
      status: 403,
    });
  });
});
