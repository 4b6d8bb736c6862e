import { interpolate, evaluateCondition, type ExprValue } from "../expressions/index.ts";
import { describeError } from "./errors.ts";
import type { JobOutcome } from "./job-records.ts";
import { JobRuntime, type JobSetup } from "./job-runtime.ts";
import { reportForcedToNode24 } from "./node-deprecation.ts";
import { runPosts, runSteps, stepContext, type StepScope } from "./steps.ts";

/** `env:` values with expressions expanded in order (later entries see earlier ones via `env`). */
function evaluateEnv(
  rt: JobRuntime,
  values: Record<string, string>,
  extra: Record<string, ExprValue> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values))
    out[k] = interpolate(v, { contexts: rt.contexts(extra) });
  return out;
}

function header(rt: JobRuntime): void {
  const { setup } = rt;
  rt.log.group("Set up job");
  rt.log.line(`Job: ${setup.record.name}`);
  rt.log.line("Runner: sandbox-runner (Linux, this machine; runs-on is not used)");
  if (setup.environment)
    rt.log.line(
      `Environment: ${setup.environment.name}${setup.environment.created ? " (created: the repository had no environment of this name)" : ""}`,
    );
  rt.log.line("GITHUB_TOKEN Permissions");
  for (const [k, v] of Object.entries(setup.permissions)) rt.log.line(`${k}: ${v}`);
  rt.log.endGroup();
}

function outcomeOf(rt: JobRuntime, scope: StepScope, error: string | null): JobOutcome {
  const conclusion =
    rt.timedOut || error
      ? "failure"
      : rt.cancelled
        ? "cancelled"
        : scope.failed
          ? "failure"
          : "success";
  const errors = rt.annotations
    .filter((a) => a.annotation_level === "failure")
    .map((a) => a.message);
  const title = rt.timedOut
    ? "The job timed out"
    : conclusion === "success"
      ? "Job succeeded"
      : conclusion === "cancelled"
        ? "Job cancelled"
        : `Job failed${errors.length ? `: ${errors[errors.length - 1]}` : ""}`;
  const summary = rt.summary.join("\n") || `${rt.setup.record.name}: ${conclusion}`;
  return {
    conclusion,
    title: title.slice(0, 255),
    summary,
    text: errors.length ? errors.join("\n") : null,
    annotations: rt.annotations,
  };
}

/**
 * Runs a job's steps on this machine: its env, the steps and posts, outputs, and a timeout
 * that cancels what is running. The workspace and token go when it ends.
 */
export async function executeJob(
  setup: JobSetup,
  cancel: AbortSignal,
): Promise<{ outcome: JobOutcome; outputs: Record<string, string>; environmentUrl?: string }> {
  const rt = new JobRuntime(setup);
  const onCancel = () => rt.abort.abort();
  if (cancel.aborted) onCancel();
  cancel.addEventListener("abort", onCancel);
  const timer = setTimeout(() => {
    rt.timedOut = true;
    rt.log.error(
      `The job running on runner sandbox-runner has exceeded the maximum execution time of ${setup.job.timeoutMinutes ?? 360} minutes.`,
    );
    rt.abort.abort();
  }, setup.timeoutMs);
  const scope: StepScope = {
    steps: {},
    failed: false,
    file: setup.scope.file,
    path: `jobs.${setup.job.id}.steps`,
    top: true,
    env: {},
    extra: {},
  };
  let error: string | null = null;
  const outputs: Record<string, string> = {};
  let environmentUrl: string | undefined;
  try {
    header(rt);
    rt.jobEnv = evaluateEnv(rt, setup.scope.wf.env);
    rt.jobEnv = { ...rt.jobEnv, ...evaluateEnv(rt, setup.job.env) };
    await runSteps(rt, setup.job.steps, scope);
    await runPosts(rt, scope);
    const ctx = stepContext(rt, scope);
    for (const [name, expr] of Object.entries(setup.job.outputs)) {
      const value = interpolate(expr, ctx);
      if (rt.masker.mask(value) !== value)
        rt.log.warning(`Skip output '${name}' since it may contain secret.`);
      else outputs[name] = value;
    }
    // `environment.url` may use steps' outputs: it is evaluated once the steps are done.
    const url = setup.environment?.url;
    if (url !== undefined) environmentUrl = interpolate(url, ctx).trim() || undefined;
  } catch (err) {
    error = describeError(err, `${setup.scope.file}: jobs.${setup.job.id}`);
    rt.log.error(error);
    rt.annotations.push({
      path: setup.scope.file,
      start_line: 1,
      end_line: 1,
      annotation_level: "failure",
      message: error,
    });
  } finally {
    clearTimeout(timer);
    cancel.removeEventListener("abort", onCancel);
  }
  reportForcedToNode24(rt);
  const outcome = outcomeOf(rt, scope, error);
  rt.log.line(`Job completed: ${outcome.conclusion}`);
  rt.cleanup(outcome.conclusion !== "success");
  return { outcome, outputs, ...(environmentUrl ? { environmentUrl } : {}) };
}

/** Job-level `continue-on-error` (a boolean or an expression). */
export function jobContinuesOnError(
  value: boolean | string | undefined,
  contexts: Record<string, ExprValue>,
): boolean {
  if (value === undefined) return false;
  if (typeof value === "boolean") return value;
  return evaluateCondition(value, { contexts });
}
