import type { SandboxCore } from "../../core.ts";
import type { WorkflowRunRecord } from "../../state/types.ts";
import type { ExprValue } from "../expressions/index.ts";
import type { Workflow } from "../workflow/index.ts";
import type { ActionsIdentity } from "./actions-app.ts";
import { loadWorkflows } from "./load-workflows.ts";
import { newSuite } from "./run-records.ts";
import { runInputs } from "./run-start.ts";
import type { JobResult } from "./types.ts";

export interface NextAttempt {
  wf: Workflow | { error: string };
  inputs: Record<string, ExprValue>;
  /** Re-running failed jobs: the jobs that succeeded, kept. */
  reuse: Map<string, JobResult>;
}

/**
 * Turns a completed run into its next attempt (same event, commit and workflow file; a new
 * check suite), as GitHub's re-run does.
 */
export async function nextAttempt(
  core: SandboxCore,
  ids: ActionsIdentity,
  run: WorkflowRunRecord,
  actorId: number,
  failedOnly: boolean,
): Promise<NextAttempt> {
  const repo = core.store.repoById(run.repoId);
  const reuse = new Map<string, JobResult>();
  if (failedOnly) {
    for (const j of core.store.state.workflowJobs)
      if (j.runId === run.id && j.runAttempt === run.runAttempt && j.conclusion === "success")
        reuse.set(j.key, { result: "success", outputs: j.outputs });
  }
  const loaded = (await loadWorkflows(core, repo.id, run.headSha)).find((w) => w.path === run.path);
  const now = core.store.now();
  Object.assign(run, {
    runAttempt: run.runAttempt + 1,
    status: "queued",
    conclusion: null,
    triggeringActorId: actorId,
    checkSuiteId: newSuite(core, ids, repo, run.headSha, run.headBranch).id,
    referencedWorkflows: [],
    updatedAt: now,
    runStartedAt: now,
  });
  core.store.changed();
  const wf = !loaded
    ? { error: `${run.path} no longer exists at ${run.headSha}` }
    : "workflow" in loaded
      ? loaded.workflow
      : { error: loaded.error };
  return { wf, inputs: runInputs("on" in wf ? wf : null, run.trigger), reuse };
}
