import { notFound } from "../../http/github-error.ts";
import { paginate } from "../../rest/lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../../rest/types.ts";
import type { WorkflowJobRecord } from "../../state/types.ts";
import { actionsRepo, jobOf, runOf } from "./find.ts";
import { logLink } from "./log-links.ts";
import { renderJob } from "./render.ts";

function listJobs(req: RestRequest, jobs: WorkflowJobRecord[]) {
  const { page, headers } = paginate(req, jobs);
  return {
    status: 200,
    headers,
    body: { total_count: jobs.length, jobs: page.map((j) => renderJob(req.core, j)) },
  };
}

export const jobHandlers: HandlerTable = {
  /** `filter=latest` (default): the latest attempt's jobs; `all`: every attempt's. */
  "actions/list-jobs-for-workflow-run": (req) => {
    const run = runOf(req, actionsRepo(req));
    const all = req.core.store.state.workflowJobs.filter((j) => j.runId === run.id);
    return listJobs(
      req,
      req.query.filter === "all" ? all : all.filter((j) => j.runAttempt === run.runAttempt),
    );
  },
  "actions/list-jobs-for-workflow-run-attempt": (req) => {
    const run = runOf(req, actionsRepo(req));
    const attempt = Number(req.params.attempt_number);
    if (!(attempt >= 1 && attempt <= run.runAttempt)) throw notFound();
    return listJobs(
      req,
      req.core.store.state.workflowJobs.filter(
        (j) => j.runId === run.id && j.runAttempt === attempt,
      ),
    );
  },
  "actions/get-job-for-workflow-run": (req) =>
    ok(renderJob(req.core, jobOf(req, actionsRepo(req)))),
  "actions/download-job-logs-for-workflow-run": (req) => {
    const job = jobOf(req, actionsRepo(req));
    return { status: 302, headers: { location: logLink(req.core, `jobs/${job.id}`) } };
  },
};
