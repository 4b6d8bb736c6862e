import { evaluateCondition, interpolate, toText, type ExprValue } from "../expressions/index.ts";
import { expandMatrix, type Job } from "../workflow/index.ts";
import { githubContext } from "./contexts.ts";
import { describeError } from "./errors.ts";
import { settleJobEarly } from "./job-early.ts";
import { runJobInstance, type JobInstance } from "./job-run.ts";
import { Limiter } from "./limiter.ts";
import { reuseJob } from "./reuse.ts";
import { runReusable } from "./reusable.ts";
import type { GraphScope, JobResult, RunEnv } from "./types.ts";

const STATUS_FUNCTION = /\b(success|failure|always|cancelled)\s*\(/i;

/** The results of several jobs as one: a matrix's instances, or a called workflow's jobs. */
export function combineResults(results: JobResult[]): JobResult {
  const outputs = Object.assign({}, ...results.map((r) => r.outputs)) as Record<string, string>;
  const has = (r: string) => results.some((x) => x.result === r);
  const result = has("failure")
    ? "failure"
    : has("cancelled")
      ? "cancelled"
      : results.length > 0 && results.every((x) => x.result === "skipped")
        ? "skipped"
        : "success";
  return { result, outputs };
}

/** Runs a workflow's jobs in `needs` order, each as soon as what it needs has finished. */
export async function runGraph(env: RunEnv, scope: GraphScope): Promise<Map<string, JobResult>> {
  const results = new Map<string, JobResult>();
  const running = new Map<string, Promise<void>>();
  const pending = new Set(Object.keys(scope.wf.jobs));
  while (pending.size || running.size) {
    for (const id of [...pending]) {
      const job = scope.wf.jobs[id]!;
      if (!job.needs.every((n) => results.has(n))) continue;
      pending.delete(id);
      const p = runJobNode(env, scope, job, results).then((r) => {
        results.set(id, r);
        running.delete(id);
      });
      running.set(id, p);
    }
    if (!running.size) break;
    await Promise.race(running.values());
  }
  return results;
}

function instanceName(
  base: string,
  job: Job,
  matrix: Record<string, ExprValue>,
  contexts: Record<string, ExprValue>,
): string {
  if (job.name?.includes("${{"))
    return interpolate(job.name, { contexts: { ...contexts, matrix } });
  const values = Object.values(matrix);
  return values.length
    ? `${base} (${values.map((v) => (typeof v === "object" && v !== null ? JSON.stringify(v) : toText(v))).join(", ")})`
    : base;
}

async function runJobNode(
  env: RunEnv,
  scope: GraphScope,
  job: Job,
  done: Map<string, JobResult>,
): Promise<JobResult> {
  const key = scope.keyPrefix + job.id;
  const baseName = scope.namePrefix + (job.name && !job.name.includes("${{") ? job.name : job.id);
  const needs: Record<string, ExprValue> = {};
  for (const n of job.needs)
    needs[n] = { result: done.get(n)!.result, outputs: done.get(n)!.outputs };
  const results = job.needs.map((n) => done.get(n)!.result);
  const contexts: Record<string, ExprValue> = {
    github: githubContext(env, job.id),
    needs,
    inputs: scope.inputs,
    vars: env.vars,
  };
  let go: boolean;
  try {
    go = evaluateCondition(job.if, {
      contexts,
      status: { failed: results.includes("failure"), cancelled: env.cancel.signal.aborted },
    });
    // A skipped or cancelled dependency skips the job too, unless its `if` says otherwise.
    if (!results.every((r) => r === "success") && !STATUS_FUNCTION.test(job.if ?? "")) go = false;
  } catch (err) {
    return settleJobEarly(env, key, baseName, {
      error: describeError(err, `${scope.file}: jobs.${job.id}.if`),
      file: scope.file,
    });
  }
  if (!go) return settleJobEarly(env, key, baseName, { skipped: true });
  if (job.uses) return runReusable(env, scope, job, { key, name: baseName, needs, contexts });
  const combos = expandMatrix(job.strategy);
  if (combos.length === 0)
    return settleJobEarly(env, key, baseName, {
      error: `${scope.file}: jobs.${job.id}.strategy.matrix: the matrix makes no jobs (every combination is excluded)`,
      file: scope.file,
    });
  const failFast = job.strategy?.failFast ?? true;
  const parallel = new Limiter(job.strategy?.maxParallel ?? combos.length);
  const stop = new AbortController();
  const all = await Promise.all(
    combos.map(async (matrix, i) => {
      const inst: JobInstance = {
        key: Object.keys(matrix).length ? `${key}${JSON.stringify(matrix)}` : key,
        name: "",
        matrix,
        strategy: {
          "fail-fast": failFast,
          "job-index": i,
          "job-total": combos.length,
          "max-parallel": job.strategy?.maxParallel ?? combos.length,
        },
      };
      try {
        inst.name =
          scope.namePrefix +
          instanceName(baseName.slice(scope.namePrefix.length), job, matrix, contexts);
      } catch (err) {
        return settleJobEarly(env, inst.key, baseName, {
          error: describeError(err, `${scope.file}: jobs.${job.id}.name`),
          file: scope.file,
        });
      }
      const kept = reuseJob(env, inst.key);
      if (kept) return kept;
      await parallel.acquire();
      try {
        const r = await runJobInstance(env, scope, job, inst, needs, stop.signal);
        if (r.result === "failure" && failFast) stop.abort();
        return r;
      } finally {
        parallel.release();
      }
    }),
  );
  return combineResults(all);
}
