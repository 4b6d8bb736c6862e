import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { completeJob, createJob, startJob } from "./job-records.ts";
import { Masker } from "./masker.ts";
import type { JobResult, RunEnv } from "./types.ts";

/** Appends one masked line to a job's log (for jobs that end before they have a runtime). */
export function writeJobLog(
  env: RunEnv,
  jobId: number,
  text: string,
  kind?: "error" | "warning",
): string {
  const masker = new Masker();
  for (const v of Object.values(env.secrets)) masker.add(v);
  const message = masker.mask(text);
  mkdirSync(env.dirs.logs, { recursive: true });
  const prefix = kind ? `##[${kind}]` : "";
  appendFileSync(
    join(env.dirs.logs, `${jobId}.txt`),
    `${new Date().toISOString()} ${prefix}${message}\n`,
  );
  return message;
}

/** A job that ends before it runs: skipped by its `if`, or failed by an error in its definition. */
export function settleJobEarly(
  env: RunEnv,
  key: string,
  name: string,
  how: { skipped: true } | { error: string; file: string },
): JobResult {
  const { core, ids, run } = env;
  const record = createJob(core, ids, run, key, name, []);
  if ("skipped" in how) {
    completeJob(core, ids, run, record, {
      conclusion: "skipped",
      title: "Job skipped",
      summary: `${name}: skipped`,
      text: null,
      annotations: [],
    });
    return { result: "skipped", outputs: {} };
  }
  startJob(core, ids, run, record);
  const message = writeJobLog(env, record.id, how.error, "error");
  completeJob(core, ids, run, record, {
    conclusion: "failure",
    title: `Job failed: ${message}`.slice(0, 255),
    summary: message,
    text: message,
    annotations: [
      { path: how.file, start_line: 1, end_line: 1, annotation_level: "failure", message },
    ],
  });
  return { result: "failure", outputs: {} };
}
