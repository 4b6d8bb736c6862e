import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { runDemo } from "../../cli/demo/run-demo.ts";
import type { World } from "../../cli/demo/world.ts";

const run = promisify(execFile);
const CANARY = "sk_live_canary_5d1e9b7a3c2f";

/** Every text the world holds that a person could read: bodies, comments, job logs, commits. */
async function everything(w: World): Promise<string[]> {
  const texts: string[] = [];
  const gh = w.reviewer;
  for (const repo of ["hub", "api", "portal", "havuncore"]) {
    for (const issue of (
      await gh.issues.listForRepo({ owner: "havun", repo, state: "all", per_page: 100 })
    ).data) {
      texts.push(issue.title, issue.body ?? "");
      for (const c of (
        await gh.issues.listComments({
          owner: "havun",
          repo,
          issue_number: issue.number,
          per_page: 100,
        })
      ).data)
        texts.push(c.body ?? "");
    }
    const runs = await gh.request("GET /repos/{owner}/{repo}/actions/runs", {
      owner: "havun",
      repo,
      per_page: 100,
    });
    for (const r of runs.data.workflow_runs) {
      const jobs = await gh.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs", {
        owner: "havun",
        repo,
        run_id: Number(r.id),
      });
      for (const j of jobs.data.jobs) {
        const log = await gh.request("GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs", {
          owner: "havun",
          repo,
          job_id: j.id,
        });
        texts.push(String(log.data));
        const check = await gh.request("GET /repos/{owner}/{repo}/check-runs/{check_run_id}", {
          owner: "havun",
          repo,
          check_run_id: Number(j.check_run_url.split("/").pop()),
        });
        texts.push(check.data.output.summary ?? "", check.data.output.text ?? "");
      }
    }
    const repoRecord = w.sb.core.store.repo("havun", repo)!;
    const { stdout } = await run(
      "git",
      ["--git-dir", w.sb.core.git.gitDir(repoRecord.id), "log", "-p", "--all"],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    texts.push(stdout);
  }
  return texts;
}

/** The agent's run on the API task, as GitHub shows it: the run, its job, the step summary, the log. */
async function agentRunOf(w: World) {
  const where = { owner: "havun", repo: "api" };
  const runs = await w.reviewer.request("GET /repos/{owner}/{repo}/actions/runs", {
    ...where,
    event: "issues",
    status: "success",
  });
  const run = runs.data.workflow_runs[0]!;
  const jobs = await w.reviewer.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs", {
    ...where,
    run_id: Number(run.id),
  });
  const job = jobs.data.jobs[0]!;
  const check = await w.reviewer.request("GET /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    ...where,
    check_run_id: Number(job.check_run_url.split("/").pop()),
  });
  const log = await w.reviewer.request("GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs", {
    ...where,
    job_id: Number(job.id),
  });
  return {
    conclusion: run.conclusion,
    jobs: jobs.data.total_count,
    summary: check.data.output.summary ?? "",
    log: String(log.data),
  };
}

it("a sealed secret given to the agent reaches no log, comment, PR, check or commit (canary)", async () => {
  let texts: string[] = [];
  let agentSawIt = false;
  let agentRun: { conclusion: string | null; jobs: number; summary: string; log: string } | null =
    null;
  await runDemo({
    log: () => undefined,
    secretValue: CANARY,
    keep: async (w) => {
      texts = await everything(w);
      // The agent really had it: the scripted session printed it, and the model received it.
      agentSawIt = w.model.recorder.records.some((r) =>
        JSON.stringify(r.body ?? {}).includes(CANARY),
      );
      agentRun = await agentRunOf(w);
    },
  });
  expect(agentSawIt).toBe(true);
  expect(agentRun).toMatchObject({ conclusion: "success", jobs: 1 });
  expect(agentRun!.summary).toContain("HavunCore agent · api-installments");
  expect(agentRun!.summary).toContain("Edit ×1");
  expect(agentRun!.log).toContain("havun/havuncore/action@main");
  expect(agentRun!.log).toContain("vault_key: ***");
  expect(texts.length).toBeGreaterThan(20);
  const leaks = texts.filter((t) => t.includes(CANARY));
  expect(
    leaks.map((t) => t.slice(Math.max(0, t.indexOf(CANARY) - 200), t.indexOf(CANARY) + 50)),
  ).toEqual([]);
  expect(texts.some((t) => t.includes("payment key: ***"))).toBe(true);
}, 300_000);
