import { notFound } from "../../http/github-error.ts";
import { repoOf } from "../../rest/lookup.ts";
import type { RestRequest } from "../../rest/types.ts";
import type { RepoRecord, WorkflowJobRecord, WorkflowRunRecord } from "../../state/types.ts";

/** The repository of an Actions request, once the caller may read its Actions data. */
export function actionsRepo(req: RestRequest, level: "read" | "write" = "read"): RepoRecord {
  const repo = repoOf(req);
  req.access.require(repo, "actions", level);
  return repo;
}

export function runOf(req: RestRequest, repo: RepoRecord): WorkflowRunRecord {
  const run = req.core.store.state.workflowRuns.find(
    (r) => r.id === Number(req.params.run_id) && r.repoId === repo.id,
  );
  if (!run) throw notFound();
  return run;
}

export function jobOf(req: RestRequest, repo: RepoRecord): WorkflowJobRecord {
  const job = req.core.store.state.workflowJobs.find(
    (j) => j.id === Number(req.params.job_id) && j.repoId === repo.id,
  );
  if (!job) throw notFound();
  return job;
}
