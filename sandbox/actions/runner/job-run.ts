import { evaluateCondition, interpolate, type ExprValue } from "../expressions/index.ts";
import type { Job } from "../workflow/index.ts";
import { githubContext } from "./contexts.ts";
import { describeError } from "./errors.ts";
import { jobContinuesOnError, executeJob } from "./job-exec.ts";
import { writeJobLog } from "./job-early.ts";
import {
  enterEnvironment,
  finishDeployment,
  startDeployment,
  type EnteredEnvironment,
} from "./job-environment.ts";
import { completeJob, createJob, startJob } from "./job-records.ts";
import { capPermissions, tokenPermissions } from "./permissions.ts";
import type { GraphScope, JobResult, RunEnv } from "./types.ts";
import type { DeploymentRecord } from "../../state/types.ts";

export interface JobInstance {
  key: string;
  name: string;
  matrix: Record<string, ExprValue>;
  strategy: Record<string, ExprValue>;
}

/** `runs-on` as labels (expressions expanded); accepted and otherwise not used. */
function labels(runsOn: unknown, contexts: Record<string, ExprValue>): string[] {
  const list =
    typeof runsOn === "string" ? [runsOn] : Array.isArray(runsOn) ? runsOn.map(String) : [];
  return list.map((l) => {
    try {
      return interpolate(l, { contexts });
    } catch {
      return l;
    }
  });
}

/**
 * One job (one matrix combination): queued with its check run, then its concurrency group
 * and a slot on this machine, then run; cancelled if the run is cancelled meanwhile.
 */
export async function runJobInstance(
  env: RunEnv,
  scope: GraphScope,
  job: Job,
  inst: JobInstance,
  needs: Record<string, ExprValue>,
  stop: AbortSignal,
): Promise<JobResult> {
  const { core, ids, run } = env;
  const cancel = new AbortController();
  const onStop = () => cancel.abort();
  for (const s of [stop, env.cancel.signal]) {
    if (s.aborted) onStop();
    s.addEventListener("abort", onStop);
  }
  const contexts: Record<string, ExprValue> = {
    github: githubContext(env, job.id),
    needs,
    inputs: scope.inputs,
    vars: env.vars,
    matrix: inst.matrix,
    strategy: inst.strategy,
  };
  const record = createJob(core, ids, run, inst.key, inst.name, labels(job.runsOn, contexts));
  const superseded: { group: string | null } = { group: null };
  const holder = {
    supersede: (group: string) => {
      superseded.group = group;
      cancel.abort();
    },
  };
  let groupKey: string | null = null;
  let slot = false;
  let outcome;
  let outputs: Record<string, string> = {};
  let continueOnError = false;
  let entered: EnteredEnvironment | null = null;
  let deployment: DeploymentRecord | null = null;
  let environmentUrl: string | undefined;
  try {
    const permissions = tokenPermissions(job.permissions ?? scope.wf.permissions);
    if (job.environment) entered = enterEnvironment(env, job.environment, contexts);
    if (job.concurrency) {
      const group = interpolate(job.concurrency.group, { contexts });
      const c = job.concurrency.cancelInProgress;
      const cancelInProgress = typeof c === "boolean" ? c : evaluateCondition(c, { contexts });
      groupKey = `${run.repoId}:${group}`;
      const key = groupKey;
      cancel.signal.addEventListener("abort", () => env.groups.withdraw(key, holder));
      if (!(await env.groups.acquire(key, cancelInProgress, holder))) groupKey = null;
    }
    continueOnError = jobContinuesOnError(job.continueOnError, contexts);
    slot = !cancel.signal.aborted && (await env.slots.acquire(cancel.signal));
    if (!slot) {
      const group = superseded.group;
      const why = group
        ? `Canceling since a higher priority waiting request for '${group.slice(group.indexOf(":") + 1)}' exists`
        : "The run was canceled before this job started.";
      writeJobLog(env, record.id, why, "error");
      outcome = {
        conclusion: "cancelled" as const,
        title: "Job cancelled",
        summary: `${inst.name}: cancelled before it started`,
        text: null,
        annotations: [],
      };
    } else {
      startJob(core, ids, run, record);
      if (entered) deployment = startDeployment(env, entered, record);
      const result = await executeJob(
        {
          // The environment's variables and secrets win over the repository's (or the caller's).
          env: entered ? { ...env, vars: { ...env.vars, ...entered.vars } } : env,
          scope: entered ? { ...scope, secrets: { ...scope.secrets, ...entered.secrets } } : scope,
          environment: entered
            ? { name: entered.environment.name, created: entered.created, url: entered.url }
            : null,
          job,
          record,
          matrix: inst.matrix,
          strategy: inst.strategy,
          needs,
          permissions: scope.ceiling ? capPermissions(permissions, scope.ceiling) : permissions,
          timeoutMs: (job.timeoutMinutes ?? 360) * 60_000,
        },
        cancel.signal,
      );
      outcome = result.outcome;
      outputs = result.outputs;
      environmentUrl = result.environmentUrl;
    }
  } catch (err) {
    const message = writeJobLog(
      env,
      record.id,
      describeError(err, `${scope.file}: jobs.${job.id}`),
      "error",
    );
    outcome = {
      conclusion: "failure" as const,
      title: `Job failed: ${message}`.slice(0, 255),
      summary: message,
      text: message,
      annotations: [],
    };
  } finally {
    if (slot) env.slots.release();
    if (groupKey) env.groups.release(groupKey, holder);
    for (const s of [stop, env.cancel.signal]) s.removeEventListener("abort", onStop);
  }
  if (deployment) finishDeployment(env, deployment, record, outcome.conclusion, environmentUrl);
  completeJob(core, ids, run, record, outcome);
  record.outputs = outputs;
  const failedButContinues = outcome.conclusion === "failure" && continueOnError;
  return { result: failedButContinues ? "success" : outcome.conclusion, outputs };
}
