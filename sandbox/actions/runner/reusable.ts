import {
  evaluate,
  interpolate,
  toText,
  type ExprValue,
  type ExpressionContext,
} from "../expressions/index.ts";
import type { Job, WorkflowInput } from "../workflow/index.ts";
import { describeError, RunnerError } from "./errors.ts";
import { combineResults, runGraph } from "./graph.ts";
import { settleJobEarly } from "./job-early.ts";
import { capPermissions, tokenPermissions } from "./permissions.ts";
import { loadCalledWorkflow } from "./reusable-load.ts";
import type { GraphScope, JobResult, RunEnv } from "./types.ts";

/** GitHub allows four levels of called workflows. */
const MAX_DEPTH = 4;

export interface Caller {
  key: string;
  name: string;
  needs: Record<string, ExprValue>;
  contexts: Record<string, ExprValue>;
}

function valueOf(raw: unknown, ctx: ExpressionContext): ExprValue {
  if (typeof raw !== "string") return raw as ExprValue;
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(raw);
  if (whole && !whole[1]!.includes("}}")) return evaluate(whole[1]!, ctx);
  return interpolate(raw, ctx);
}

function coerce(name: string, spec: WorkflowInput, v: ExprValue, where: string): ExprValue {
  if (spec.type === "boolean") {
    if (v === true || v === "true") return true;
    if (v === false || v === "false") return false;
    throw new RunnerError(
      "REUSABLE_WORKFLOW",
      `${where}: input '${name}' must be a boolean, got ${JSON.stringify(v)}`,
    );
  }
  if (spec.type === "number") {
    const n = typeof v === "number" ? v : Number(toText(v));
    if (!Number.isFinite(n))
      throw new RunnerError(
        "REUSABLE_WORKFLOW",
        `${where}: input '${name}' must be a number, got ${JSON.stringify(v)}`,
      );
    return n;
  }
  return toText(v);
}

function callInputs(
  declared: Record<string, WorkflowInput>,
  given: Record<string, unknown>,
  ctx: ExpressionContext,
  where: string,
): Record<string, ExprValue> {
  for (const k of Object.keys(given))
    if (!(k in declared))
      throw new RunnerError(
        "REUSABLE_WORKFLOW",
        `${where}: Invalid input, ${k} is not defined in the referenced workflow.`,
      );
  const out: Record<string, ExprValue> = {};
  for (const [name, spec] of Object.entries(declared)) {
    if (given[name] !== undefined) out[name] = coerce(name, spec, valueOf(given[name], ctx), where);
    else if (spec.default !== undefined) out[name] = spec.default;
    else if (spec.required)
      throw new RunnerError(
        "REUSABLE_WORKFLOW",
        `${where}: Input ${name} is required, but not provided while calling.`,
      );
    else out[name] = spec.type === "boolean" ? false : spec.type === "number" ? 0 : "";
  }
  return out;
}

/** A job that calls a reusable workflow: its jobs run in this run, named `caller / job`. */
export async function runReusable(
  env: RunEnv,
  scope: GraphScope,
  job: Job,
  caller: Caller,
): Promise<JobResult> {
  const where = `${scope.file}: jobs.${job.id}.uses`;
  let nested: GraphScope;
  let outputs: Record<string, { value: string }>;
  try {
    if (scope.depth >= MAX_DEPTH)
      throw new RunnerError(
        "REUSABLE_WORKFLOW",
        `${where}: reusable workflows nest at most ${MAX_DEPTH} levels deep.`,
      );
    const called = await loadCalledWorkflow(env, scope, job.uses ?? "", where);
    const trigger = called.wf.on.find((t) => t.event === "workflow_call");
    if (!trigger)
      throw new RunnerError(
        "REUSABLE_WORKFLOW",
        `${where}: ${called.label} is not a reusable workflow (its 'on:' has no workflow_call).`,
      );
    const ctx: ExpressionContext = { contexts: { ...caller.contexts, secrets: scope.secrets } };
    const inputs = callInputs(trigger.inputs ?? {}, job.with ?? {}, ctx, where);
    const secrets =
      job.secrets === "inherit"
        ? { ...scope.secrets }
        : Object.fromEntries(
            Object.entries(job.secrets ?? {}).map(([k, v]) => [k, interpolate(v, ctx)]),
          );
    for (const [name, spec] of Object.entries(trigger.secrets ?? {}))
      if (spec.required && !secrets[name])
        throw new RunnerError(
          "REUSABLE_WORKFLOW",
          `${where}: Secret ${name} is required, but not provided while calling.`,
        );
    const mine = tokenPermissions(job.permissions ?? scope.wf.permissions);
    env.run.referencedWorkflows.push({ path: called.label, sha: called.sha, ref: called.ref });
    outputs = trigger.outputs ?? {};
    nested = {
      wf: called.wf,
      file: called.label,
      source: { repo: called.repo, sha: called.sha, ref: called.qualifiedRef },
      jobWorkflow: {
        ref: `${env.core.store.fullName(called.repo)}/${called.path}@${called.qualifiedRef}`,
        sha: called.sha,
      },
      inputs,
      secrets,
      namePrefix: `${caller.name} / `,
      keyPrefix: `${caller.key}/`,
      ceiling: scope.ceiling ? capPermissions(mine, scope.ceiling) : mine,
      depth: scope.depth + 1,
    };
  } catch (err) {
    return settleJobEarly(env, caller.key, caller.name, {
      error: describeError(err, where),
      file: scope.file,
    });
  }
  const results = await runGraph(env, nested);
  const combined = combineResults([...results.values()]);
  const jobs = Object.fromEntries(
    [...results].map(([id, r]) => [id, { result: r.result, outputs: r.outputs }]),
  );
  const values: Record<string, string> = {};
  try {
    const ctx: ExpressionContext = {
      contexts: { ...caller.contexts, inputs: nested.inputs, jobs },
    };
    for (const [name, o] of Object.entries(outputs)) values[name] = interpolate(o.value, ctx);
  } catch (err) {
    return settleJobEarly(env, `${caller.key}/outputs`, `${caller.name} / outputs`, {
      error: describeError(err, `${nested.file}: on.workflow_call.outputs`),
      file: nested.file,
    });
  }
  return { result: combined.result, outputs: values };
}
