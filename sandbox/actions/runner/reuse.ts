import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { completeJob, createJob } from "./job-records.ts";
import type { JobResult, RunEnv } from "./types.ts";

/**
 * Re-running failed jobs keeps the jobs that succeeded: they appear in the new attempt with
 * their earlier result, steps, outputs and log, and are not run again.
 */
export function reuseJob(env: RunEnv, key: string): JobResult | null {
  const kept = env.reuse.get(key);
  if (!kept) return null;
  const { core, ids, run } = env;
  const before = core.store.state.workflowJobs.find(
    (j) => j.runId === run.id && j.runAttempt === run.runAttempt - 1 && j.key === key,
  );
  if (!before) return null;
  const job = createJob(core, ids, run, key, before.name, before.labels);
  job.steps = before.steps.map((s) => ({ ...s }));
  job.startedAt = before.startedAt;
  const check = core.store.state.checkRuns.find((c) => c.id === before.checkRunId);
  completeJob(core, ids, run, job, {
    conclusion: "success",
    title: check?.output.title ?? "Job succeeded",
    summary: check?.output.summary ?? `${before.name}: success`,
    text: check?.output.text ?? null,
    annotations: check?.output.annotations ?? [],
  });
  job.completedAt = before.completedAt;
  job.outputs = { ...before.outputs };
  const from = join(env.dirs.logs, `${before.id}.txt`);
  if (existsSync(from)) copyFileSync(from, join(env.dirs.logs, `${job.id}.txt`));
  return kept;
}
