import type { SandboxCore } from "../../core.ts";
import { emitCheckRun } from "../../ops/checks.ts";
import { emitEvent } from "../../ops/emit.ts";
import type {
  CheckRunRecord,
  WorkflowJobRecord,
  WorkflowRunRecord,
  WorkflowStepRecord,
} from "../../state/types.ts";
import { renderJob } from "../rest/render.ts";
import { actionsActor, type ActionsIdentity } from "./actions-app.ts";

export type JobConclusion = NonNullable<WorkflowJobRecord["conclusion"]>;

export interface JobOutcome {
  conclusion: JobConclusion;
  /** Check run output: the job summary (GITHUB_STEP_SUMMARY) and what went wrong. */
  title: string;
  summary: string;
  text: string | null;
  annotations: unknown[];
}

function emitJobEvent(
  core: SandboxCore,
  run: WorkflowRunRecord,
  job: WorkflowJobRecord,
  action: "queued" | "in_progress" | "completed",
): void {
  emitEvent(
    core,
    { accountId: run.triggeringActorId, via: "sandbox", appId: null },
    "workflow_job",
    action,
    run.repoId,
    { workflow_job: renderJob(core, job) },
  );
}

function suiteOf(core: SandboxCore, run: WorkflowRunRecord) {
  return core.store.state.checkSuites.find((s) => s.id === run.checkSuiteId);
}

/** A job record (queued) with its check run on the head commit. */
export function createJob(
  core: SandboxCore,
  id: ActionsIdentity,
  run: WorkflowRunRecord,
  key: string,
  name: string,
  labels: string[],
): WorkflowJobRecord {
  const now = core.store.now();
  const check: CheckRunRecord = {
    id: core.store.newId(),
    repoId: run.repoId,
    suiteId: run.checkSuiteId,
    appId: id.app.id,
    name,
    headSha: run.headSha,
    externalId: null,
    detailsUrl: null,
    status: "queued",
    conclusion: null,
    startedAt: now,
    completedAt: null,
    output: { title: null, summary: null, text: null, annotations: [] },
    actions: [],
  };
  // On GitHub a job's id is its check run's id (a job's check_run_url ends with its own id).
  const job: WorkflowJobRecord = {
    id: check.id,
    runId: run.id,
    repoId: run.repoId,
    runAttempt: run.runAttempt,
    key,
    name,
    status: "queued",
    conclusion: null,
    headSha: run.headSha,
    headBranch: run.headBranch,
    workflowName: run.name,
    labels,
    checkRunId: check.id,
    steps: [],
    outputs: {},
    createdAt: now,
    startedAt: now,
    completedAt: null,
  };
  const repo = core.store.repoById(run.repoId);
  check.externalId = String(job.id);
  check.detailsUrl = `${core.urls.server}/${core.store.fullName(repo)}/actions/runs/${run.id}/job/${job.id}`;
  core.store.state.checkRuns.push(check);
  core.store.state.workflowJobs.push(job);
  core.store.changed();
  emitCheckRun(core, actionsActor(id), check, "created");
  emitJobEvent(core, run, job, "queued");
  return job;
}

function checkOf(core: SandboxCore, job: WorkflowJobRecord): CheckRunRecord | undefined {
  return core.store.state.checkRuns.find((c) => c.id === job.checkRunId);
}

export function startJob(
  core: SandboxCore,
  id: ActionsIdentity,
  run: WorkflowRunRecord,
  job: WorkflowJobRecord,
): void {
  const now = core.store.now();
  job.status = "in_progress";
  job.startedAt = now;
  const check = checkOf(core, job);
  if (check) {
    check.status = "in_progress";
    check.startedAt = now;
  }
  const suite = suiteOf(core, run);
  if (suite && suite.status === "queued") {
    suite.status = "in_progress";
    suite.updatedAt = now;
  }
  core.store.changed();
  emitJobEvent(core, run, job, "in_progress");
}

/** Adds a step to the job's list (GitHub lists each step with its number). */
export function addStep(
  core: SandboxCore,
  job: WorkflowJobRecord,
  name: string,
): WorkflowStepRecord {
  const step: WorkflowStepRecord = {
    name,
    number: job.steps.length + 1,
    status: "in_progress",
    conclusion: null,
    startedAt: core.store.now(),
    completedAt: null,
  };
  job.steps.push(step);
  core.store.changed();
  return step;
}

export function finishStep(
  core: SandboxCore,
  step: WorkflowStepRecord,
  conclusion: NonNullable<WorkflowStepRecord["conclusion"]>,
): void {
  step.status = "completed";
  step.conclusion = conclusion;
  step.completedAt = core.store.now();
  core.store.changed();
}

export function completeJob(
  core: SandboxCore,
  id: ActionsIdentity,
  run: WorkflowRunRecord,
  job: WorkflowJobRecord,
  outcome: JobOutcome,
): void {
  const now = core.store.now();
  job.status = "completed";
  job.conclusion = outcome.conclusion;
  job.completedAt = now;
  const check = checkOf(core, job);
  if (check) {
    check.status = "completed";
    check.conclusion = outcome.conclusion;
    check.completedAt = now;
    check.output = {
      title: outcome.title,
      summary: outcome.summary.slice(0, 65_535),
      text: outcome.text === null ? null : outcome.text.slice(0, 65_535),
      annotations: outcome.annotations.slice(0, 50),
    };
  }
  core.store.changed();
  if (check) emitCheckRun(core, actionsActor(id), check, "completed");
  emitJobEvent(core, run, job, "completed");
}
