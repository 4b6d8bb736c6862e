import {
  evaluateCondition,
  interpolate,
  type ExpressionContext,
  type ExprValue,
} from "../expressions/index.ts";
import type { Step } from "../workflow/index.ts";
import { describeError } from "./errors.ts";
import { addStep, finishStep } from "./job-records.ts";
import type { JobRuntime, PostStep } from "./job-runtime.ts";
import { OutputLines } from "./output-lines.ts";
import { processEnv } from "./process-env.ts";
import { executeStep } from "./step-exec.ts";
import type { StepIo, StepResult } from "./step-io.ts";

/** Steps that still run after a cancel or a timeout (`if: always()`) get this long. */
const AFTER_CANCEL_MS = 60_000;

type StepConclusion = "success" | "failure" | "skipped" | "cancelled";

/** A list of steps being run: the job's, or a composite action's. */
export interface StepScope {
  /** The `steps` context these steps fill. */
  steps: Record<string, ExprValue>;
  /** An earlier step failed (without continue-on-error). */
  failed: boolean;
  file: string;
  /** `jobs.build.steps` (or `runs.steps`) for messages. */
  path: string;
  /** Top-level steps are listed in the job record. */
  top: boolean;
  /** Environment from the calling composite step. */
  env: Record<string, string>;
  /** More contexts (a composite's `inputs`, github.action_path). */
  extra: Record<string, ExprValue>;
}

export function stepContext(
  rt: JobRuntime,
  scope: StepScope,
  stepEnv: Record<string, string> = {},
): ExpressionContext {
  const contexts = rt.contexts(scope.extra);
  contexts.steps = scope.steps;
  contexts.env = { ...(contexts.env as Record<string, string>), ...scope.env, ...stepEnv };
  contexts.job = {
    ...(contexts.job as Record<string, ExprValue>),
    status: rt.cancelled ? "cancelled" : scope.failed ? "failure" : "success",
  };
  return { contexts, status: { failed: scope.failed, cancelled: rt.cancelled } };
}

function defaultName(step: Step): string {
  if (step.uses) return `Run ${step.uses}`;
  return `Run ${(step.run ?? "").split("\n").find((l) => l.trim()) ?? ""}`.trim();
}

function debugOn(rt: JobRuntime): boolean {
  const { env } = rt.setup;
  return env.secrets.ACTIONS_STEP_DEBUG === "true" || env.vars.ACTIONS_STEP_DEBUG === "true";
}

/** Runs a step body with fresh files, the composed environment and the right signal. */
async function runBody(
  rt: JobRuntime,
  scope: StepScope,
  where: string,
  stepEnv: Record<string, string>,
  timeoutMinutes: number | undefined,
  body: (io: StepIo) => Promise<StepResult>,
): Promise<{ result: StepResult; cancelled: boolean }> {
  const files = rt.stepFiles();
  const signal = rt.cancelled ? AbortSignal.timeout(AFTER_CANCEL_MS) : rt.abort.signal;
  const io: StepIo = {
    rt,
    files,
    env: processEnv(rt, files, scope.env, stepEnv),
    stepEnv: { ...scope.env, ...stepEnv },
    ctx: stepContext(rt, scope, stepEnv),
    signal,
    timeoutMs: timeoutMinutes === undefined ? undefined : timeoutMinutes * 60_000,
    lines: new OutputLines(rt, debugOn(rt)),
    file: scope.file,
    where,
  };
  const wasCancelled = rt.cancelled;
  try {
    const result = await body(io);
    return { result, cancelled: !wasCancelled && rt.cancelled && !result.ok };
  } catch (err) {
    failEarly(rt, scope, where, err);
    return { result: { ok: false, outputs: {} }, cancelled: false };
  }
}

function failEarly(rt: JobRuntime, scope: StepScope, where: string, err: unknown): void {
  const message = describeError(err, `${scope.file}: ${where}`);
  rt.log.error(message);
  rt.annotations.push({
    path: scope.file,
    start_line: 1,
    end_line: 1,
    annotation_level: "failure",
    message,
  });
}

/** One step: `if`, the body, continue-on-error, and its entry in `steps` and the job record. */
export async function runStep(rt: JobRuntime, step: Step, scope: StepScope): Promise<void> {
  const { core } = rt.setup.env;
  const where = `${scope.path}[${step.index}]`;
  const settle = (outcome: string, conclusion: StepConclusion, outputs: Record<string, string>) => {
    if (step.id) scope.steps[step.id] = { outputs, outcome, conclusion };
    if (conclusion === "failure" || conclusion === "cancelled") scope.failed = true;
  };
  let name = defaultName(step);
  let go: boolean;
  let stepEnv: Record<string, string> = {};
  try {
    if (step.name) name = interpolate(step.name, stepContext(rt, scope));
    go = evaluateCondition(step.if, stepContext(rt, scope));
    if (go)
      stepEnv = Object.fromEntries(
        Object.entries(step.env).map(([k, v]) => [k, interpolate(v, stepContext(rt, scope))]),
      );
  } catch (err) {
    const r = scope.top ? addStep(core, rt.setup.record, name) : null;
    failEarly(rt, scope, where, err);
    if (r) finishStep(core, r, "failure");
    return settle("failure", "failure", {});
  }
  const r = scope.top ? addStep(core, rt.setup.record, name) : null;
  if (!go) {
    if (r) finishStep(core, r, "skipped");
    return settle("skipped", "skipped", {});
  }
  const { result, cancelled } = await runBody(
    rt,
    scope,
    where,
    stepEnv,
    step.timeoutMinutes,
    (io) => executeStep(step, io, scope, name),
  );
  let continueOnError = false;
  if (!result.ok && step.continueOnError !== undefined) {
    const v = step.continueOnError;
    try {
      continueOnError =
        typeof v === "boolean"
          ? v
          : evaluateCondition(v, { contexts: stepContext(rt, scope, stepEnv).contexts });
    } catch (err) {
      failEarly(rt, scope, `${where}.continue-on-error`, err);
    }
  }
  const outcome: StepConclusion = result.ok ? "success" : cancelled ? "cancelled" : "failure";
  const conclusion: StepConclusion = result.ok || continueOnError ? "success" : outcome;
  if (r) finishStep(core, r, conclusion);
  settle(outcome, conclusion, result.outputs);
}

export async function runSteps(rt: JobRuntime, list: Step[], scope: StepScope): Promise<void> {
  for (const step of list) await runStep(rt, step, scope);
}

/** The `post:` of JavaScript actions, last first, each under its `post-if` (default always()). */
export async function runPosts(rt: JobRuntime, scope: StepScope): Promise<void> {
  for (const post of [...rt.posts].reverse()) {
    const r = scope.top ? addStep(rt.setup.env.core, rt.setup.record, post.name) : null;
    let go = false;
    try {
      go = evaluateCondition(post.condition, stepContext(rt, scope));
    } catch (err) {
      failEarly(rt, scope, "post-if", err);
    }
    if (!go) {
      if (r) finishStep(rt.setup.env.core, r, "skipped");
      continue;
    }
    rt.log.group(post.name);
    rt.log.endGroup();
    const { result } = await runBody(rt, scope, "post", {}, undefined, post.run);
    if (!result.ok) scope.failed = true;
    if (r) finishStep(rt.setup.env.core, r, result.ok ? "success" : "failure");
  }
}
