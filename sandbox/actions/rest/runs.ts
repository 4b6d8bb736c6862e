import { GitHubError, notFound } from "../../http/github-error.ts";
import { paginate } from "../../rest/lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../../rest/types.ts";
import type { RepoRecord, WorkflowRunRecord } from "../../state/types.ts";
import { runnerOf } from "../runner/registry.ts";
import { actionsRepo, runOf } from "./find.ts";
import { logLink } from "./log-links.ts";
import { renderWorkflowRun } from "./render.ts";
import { syncWorkflows, workflowOf } from "./workflows.ts";

const workflowFound = (req: RestRequest, repo: RepoRecord) => {
  try {
    workflowOf(req, repo);
    return true;
  } catch {
    return false;
  }
};

/** GitHub's `status` filter takes statuses and conclusions alike. */
function matchesStatus(run: WorkflowRunRecord, status: string): boolean {
  return run.status === status || run.conclusion === status;
}

function listRuns(req: RestRequest, runs: WorkflowRunRecord[]) {
  const q = req.query;
  let list = [...runs].sort((a, b) => b.id - a.id);
  if (q.status) list = list.filter((r) => matchesStatus(r, String(q.status)));
  if (q.event) list = list.filter((r) => r.event === q.event);
  if (q.branch) list = list.filter((r) => r.headBranch === q.branch);
  if (q.head_sha) list = list.filter((r) => r.headSha === q.head_sha);
  if (q.check_suite_id) list = list.filter((r) => r.checkSuiteId === Number(q.check_suite_id));
  if (q.actor)
    list = list.filter(
      (r) =>
        req.core.store.accountById(r.actorId).login.toLowerCase() === String(q.actor).toLowerCase(),
    );
  const { page, headers } = paginate(req, list);
  return {
    status: 200,
    headers,
    body: {
      total_count: list.length,
      workflow_runs: page.map((r) => renderWorkflowRun(req.core, r)),
    },
  };
}

function runner(req: RestRequest) {
  const r = runnerOf(req.core);
  if (!r)
    throw new GitHubError(
      422,
      "Actions are disabled in this sandbox (startSandbox({ actions: false })).",
    );
  return r;
}

export const runHandlers: HandlerTable = {
  "actions/list-workflow-runs-for-repo": (req) => {
    const repo = actionsRepo(req);
    return listRuns(
      req,
      req.core.store.state.workflowRuns.filter((r) => r.repoId === repo.id),
    );
  },
  "actions/list-workflow-runs": async (req) => {
    const repo = actionsRepo(req);
    // A workflow file on the default branch is known before it first runs (no runs: an empty list).
    if (!workflowFound(req, repo)) await syncWorkflows(req, repo);
    const wf = workflowOf(req, repo);
    return listRuns(
      req,
      req.core.store.state.workflowRuns.filter((r) => r.workflowId === wf.id),
    );
  },
  "actions/get-workflow-run": (req) =>
    ok(renderWorkflowRun(req.core, runOf(req, actionsRepo(req)))),
  "actions/download-workflow-run-logs": (req) => {
    const run = runOf(req, actionsRepo(req));
    return { status: 302, headers: { location: logLink(req.core, `runs/${run.id}`) } };
  },
  "actions/download-workflow-run-attempt-logs": (req) => {
    const run = runOf(req, actionsRepo(req));
    const attempt = Number(req.params.attempt_number);
    if (!(attempt >= 1 && attempt <= run.runAttempt)) throw notFound();
    return {
      status: 302,
      headers: { location: logLink(req.core, `runs/${run.id}/attempts/${attempt}`) },
    };
  },
  "actions/cancel-workflow-run": (req) => {
    const run = runOf(req, actionsRepo(req, "write"));
    if (run.status === "completed" || !runner(req).cancel(run.id))
      throw new GitHubError(409, "Cannot cancel a workflow run that is completed.");
    return ok({}, 202);
  },
  "actions/re-run-workflow": async (req) => rerun(req, false),
  "actions/re-run-workflow-failed-jobs": async (req) => rerun(req, true),
};

async function rerun(req: RestRequest, failedOnly: boolean) {
  const run = runOf(req, actionsRepo(req, "write"));
  const r = runner(req);
  if (run.status !== "completed" || r.isRunning(run.id))
    throw new GitHubError(
      403,
      `This workflow run is not completed yet; wait for it (or cancel it) before re-running.`,
    );
  await r.rerun(run, req.access.actor.accountId, failedOnly);
  return ok({}, 201);
}
