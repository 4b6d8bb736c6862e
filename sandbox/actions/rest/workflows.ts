import { notFound } from "../../http/github-error.ts";
import { paginate } from "../../rest/lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../../rest/types.ts";
import type { RepoRecord, WorkflowRecord } from "../../state/types.ts";
import { loadWorkflows } from "../runner/load-workflows.ts";
import { workflowRecord } from "../runner/run-records.ts";
import { actionsRepo } from "./find.ts";
import { renderWorkflow } from "./render.ts";

/** Records for the workflow files on the default branch (GitHub lists those, and any that ran). */
export async function syncWorkflows(req: RestRequest, repo: RepoRecord): Promise<WorkflowRecord[]> {
  const sha = await req.core.git
    .resolve(repo.id, `refs/heads/${repo.defaultBranch}`)
    .catch(() => null);
  const present = new Set<string>();
  if (sha) {
    for (const w of await loadWorkflows(req.core, repo.id, sha)) {
      present.add(w.path);
      workflowRecord(req.core, repo, w.path, "workflow" in w ? w.workflow.name : w.path);
    }
  }
  const list = req.core.store.state.workflows.filter((w) => w.repoId === repo.id);
  for (const w of list)
    if (sha && !present.has(w.path) && w.state === "active") w.state = "deleted";
  req.core.store.changed();
  return list;
}

/** `{workflow_id}`: the id, or the file name (`ci.yml`). */
export function workflowOf(req: RestRequest, repo: RepoRecord): WorkflowRecord {
  const key = String(req.params.workflow_id);
  const wf = req.core.store.state.workflows.find(
    (w) =>
      w.repoId === repo.id &&
      (String(w.id) === key || w.path === key || w.path.endsWith(`/${key}`)),
  );
  if (!wf) throw notFound();
  return wf;
}

export const workflowHandlers: HandlerTable = {
  "actions/list-repo-workflows": async (req) => {
    const repo = actionsRepo(req);
    const list = await syncWorkflows(req, repo);
    const { page, headers } = paginate(req, list);
    return {
      status: 200,
      headers,
      body: { total_count: list.length, workflows: page.map((w) => renderWorkflow(req.core, w)) },
    };
  },
  "actions/get-workflow": async (req) => {
    const repo = actionsRepo(req);
    await syncWorkflows(req, repo);
    return ok(renderWorkflow(req.core, workflowOf(req, repo)));
  },
};
