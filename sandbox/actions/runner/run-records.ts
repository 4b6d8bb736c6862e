import type { SandboxCore } from "../../core.ts";
import { emitEvent } from "../../ops/emit.ts";
import { renderCheckSuite } from "../../render/check.ts";
import type {
  CheckSuiteRecord,
  RepoRecord,
  RunTrigger,
  WorkflowRecord,
  WorkflowRunRecord,
} from "../../state/types.ts";
import { renderWorkflow, renderWorkflowRun } from "../rest/render.ts";
import { actionsActor, type ActionsIdentity } from "./actions-app.ts";

/** The workflow record for a file, made the first time GitHub sees it. */
export function workflowRecord(
  core: SandboxCore,
  repo: RepoRecord,
  path: string,
  name: string,
): WorkflowRecord {
  const now = core.store.now();
  let wf = core.store.state.workflows.find((w) => w.repoId === repo.id && w.path === path);
  if (!wf) {
    wf = {
      id: core.store.newId(),
      repoId: repo.id,
      path,
      name,
      state: "active",
      createdAt: now,
      updatedAt: now,
    };
    core.store.state.workflows.push(wf);
  } else if (wf.name !== name) {
    wf.name = name;
    wf.updatedAt = now;
  }
  return wf;
}

/** A fresh check suite of the GitHub Actions App for one attempt of a run. */
export function newSuite(
  core: SandboxCore,
  id: ActionsIdentity,
  repo: RepoRecord,
  sha: string,
  branch: string | null,
): CheckSuiteRecord {
  const now = core.store.now();
  const suite: CheckSuiteRecord = {
    id: core.store.newId(),
    repoId: repo.id,
    appId: id.app.id,
    headSha: sha,
    headBranch: branch,
    status: "queued",
    conclusion: null,
    createdAt: now,
    updatedAt: now,
  };
  core.store.state.checkSuites.push(suite);
  return suite;
}

export interface NewRun {
  repo: RepoRecord;
  workflow: WorkflowRecord;
  name: string;
  displayTitle: string;
  trigger: RunTrigger;
  headBranch: string | null;
  headCommit: WorkflowRunRecord["headCommit"];
  actorId: number;
}

export function createRun(core: SandboxCore, id: ActionsIdentity, n: NewRun): WorkflowRunRecord {
  const now = core.store.now();
  const suite = newSuite(core, id, n.repo, n.trigger.sha, n.headBranch);
  const runNumber =
    core.store.state.workflowRuns.filter((r) => r.workflowId === n.workflow.id).length + 1;
  const run: WorkflowRunRecord = {
    id: core.store.newId(),
    repoId: n.repo.id,
    workflowId: n.workflow.id,
    name: n.name,
    path: n.workflow.path,
    displayTitle: n.displayTitle,
    runNumber,
    runAttempt: 1,
    event: n.trigger.event,
    status: "queued",
    conclusion: null,
    headSha: n.trigger.sha,
    headBranch: n.headBranch,
    actorId: n.actorId,
    triggeringActorId: n.actorId,
    checkSuiteId: suite.id,
    headCommit: n.headCommit,
    trigger: n.trigger,
    referencedWorkflows: [],
    createdAt: now,
    updatedAt: now,
    runStartedAt: now,
  };
  core.store.state.workflowRuns.push(run);
  core.store.changed();
  return run;
}

/** Sends `workflow_run` (requested, in_progress, completed) as the triggering actor. */
export function emitRunEvent(
  core: SandboxCore,
  run: WorkflowRunRecord,
  action: "requested" | "in_progress" | "completed",
): void {
  const wf = core.store.state.workflows.find((w) => w.id === run.workflowId);
  if (!wf) return;
  emitEvent(
    core,
    { accountId: run.triggeringActorId, via: "sandbox", appId: null },
    "workflow_run",
    action,
    run.repoId,
    { workflow_run: renderWorkflowRun(core, run), workflow: renderWorkflow(core, wf) },
  );
}

export function setRunStatus(
  core: SandboxCore,
  run: WorkflowRunRecord,
  status: WorkflowRunRecord["status"],
): void {
  const before = run.status;
  run.status = status;
  run.updatedAt = core.store.now();
  core.store.changed();
  if (status === "in_progress" && before !== "in_progress") emitRunEvent(core, run, "in_progress");
}

export function completeRun(
  core: SandboxCore,
  id: ActionsIdentity,
  run: WorkflowRunRecord,
  conclusion: string,
): void {
  run.status = "completed";
  run.conclusion = conclusion;
  run.updatedAt = core.store.now();
  // The suite is the run's: it completes with it, with the run's conclusion.
  const suite = core.store.state.checkSuites.find((s) => s.id === run.checkSuiteId);
  if (suite) {
    suite.status = "completed";
    // Check suites have no "skipped" conclusion; a run whose jobs were all skipped is neutral.
    suite.conclusion = conclusion === "skipped" ? "neutral" : conclusion;
    suite.updatedAt = run.updatedAt;
  }
  core.store.changed();
  if (suite)
    emitEvent(core, actionsActor(id), "check_suite", "completed", run.repoId, {
      check_suite: { ...renderCheckSuite(core, suite), head_commit: run.headCommit },
    });
  emitRunEvent(core, run, "completed");
}
