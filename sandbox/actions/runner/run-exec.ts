import { evaluateCondition, interpolate, type ExprValue } from "../expressions/index.ts";
import type { Workflow } from "../workflow/index.ts";
import { githubContext } from "./contexts.ts";
import { describeError } from "./errors.ts";
import { runGraph } from "./graph.ts";
import { settleJobEarly } from "./job-early.ts";
import { completeRun, setRunStatus } from "./run-records.ts";
import type { GraphScope, JobResult, RunEnv } from "./types.ts";

/** The run's conclusion from its jobs', as GitHub rolls it up. */
export function runConclusion(results: JobResult[], cancelled: boolean): string {
  if (cancelled) return "cancelled";
  if (results.some((r) => r.result === "failure")) return "failure";
  if (results.some((r) => r.result === "cancelled")) return "cancelled";
  if (results.length > 0 && results.every((r) => r.result === "skipped")) return "skipped";
  return "success";
}

/** Waits for the workflow's `concurrency:` group; false when a newer run took its place. */
async function enterGroup(
  env: RunEnv,
  wf: Workflow,
  inputs: Record<string, ExprValue>,
): Promise<(() => void) | false> {
  if (!wf.concurrency) return () => {};
  const contexts = { github: githubContext(env, ""), inputs, vars: env.vars };
  const group = interpolate(wf.concurrency.group, { contexts });
  const c = wf.concurrency.cancelInProgress;
  const cancelInProgress = typeof c === "boolean" ? c : evaluateCondition(c, { contexts });
  const key = `${env.repo.id}:${group}`;
  const holder = { supersede: () => env.cancel.abort() };
  const onCancel = () => env.groups.withdraw(key, holder);
  env.cancel.signal.addEventListener("abort", onCancel);
  if (env.groups.busy(key)) setRunStatus(env.core, env.run, "pending");
  const ok = await env.groups.acquire(key, cancelInProgress, holder);
  env.cancel.signal.removeEventListener("abort", onCancel);
  return ok && !env.cancel.signal.aborted ? () => env.groups.release(key, holder) : false;
}

/**
 * One attempt of a workflow run: its concurrency group, then the job graph, then the
 * conclusion. A workflow that could not be read fails the run with one job saying why.
 */
export async function executeRun(
  env: RunEnv,
  wf: Workflow | { error: string },
  inputs: Record<string, ExprValue>,
): Promise<void> {
  const { core, ids, run } = env;
  if ("error" in wf) {
    setRunStatus(core, run, "in_progress");
    settleJobEarly(env, run.path, run.path, { error: wf.error, file: run.path });
    return completeRun(core, ids, run, "failure");
  }
  let release: (() => void) | false;
  try {
    release = await enterGroup(env, wf, inputs);
  } catch (err) {
    setRunStatus(core, run, "in_progress");
    settleJobEarly(env, run.path, run.path, {
      error: describeError(err, `${wf.file}: concurrency`),
      file: wf.file,
    });
    return completeRun(core, ids, run, "failure");
  }
  if (!release) return completeRun(core, ids, run, "cancelled");
  setRunStatus(core, run, "in_progress");
  const scope: GraphScope = {
    wf,
    file: wf.file,
    source: { repo: env.repo, sha: env.trigger.sha, ref: env.trigger.ref },
    jobWorkflow: {
      ref: `${core.store.fullName(env.repo)}/${run.path}@${env.trigger.ref}`,
      sha: env.trigger.sha,
    },
    inputs,
    secrets: env.secrets,
    namePrefix: "",
    keyPrefix: "",
    ceiling: null,
    depth: 0,
  };
  try {
    const results = await runGraph(env, scope);
    completeRun(core, ids, run, runConclusion([...results.values()], env.cancel.signal.aborted));
  } finally {
    release();
  }
}
