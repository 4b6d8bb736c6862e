import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { World } from "../../cli/demo/world.ts";
import { unzip } from "../../sandbox/actions/artifacts/unzip.ts";

const run = promisify(execFile);

/** Every text the world holds that a person could read: bodies, comments, job logs, commits. */
export async function everything(w: World): Promise<string[]> {
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
    // The artifacts the agent jobs handed to the publish jobs (result, commit, transcript).
    const artifacts = await gh.request("GET /repos/{owner}/{repo}/actions/artifacts", {
      owner: "havun",
      repo,
      per_page: 100,
    });
    for (const a of artifacts.data.artifacts) {
      const zip = await gh.request(
        "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
        {
          owner: "havun",
          repo,
          artifact_id: a.id,
          archive_format: "zip",
        },
      );
      for (const entry of unzip(Buffer.from(zip.data as ArrayBuffer)))
        texts.push(entry.content.toString("latin1"));
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
export async function agentRunOf(w: World) {
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
  const job = jobs.data.jobs.find((j) => j.name === "agent / agent")!;
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
