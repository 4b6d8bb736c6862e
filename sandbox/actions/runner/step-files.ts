import { readFileSync } from "node:fs";
import { parseEnvFile } from "./env-file.ts";
import type { JobRuntime } from "./job-runtime.ts";
import type { StepFiles } from "./process-env.ts";

export interface StepFileResults {
  outputs: Record<string, string>;
  state: Record<string, string>;
}

/**
 * Reads back what a step wrote to GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY
 * and GITHUB_STATE: env and path apply to the later steps, the summary joins the job's.
 */
export function readStepFiles(rt: JobRuntime, files: StepFiles): StepFileResults {
  const read = (p: string) => readFileSync(p, "utf8");
  const outputs = Object.fromEntries(parseEnvFile(read(files.output), "GITHUB_OUTPUT"));
  const state = Object.fromEntries(parseEnvFile(read(files.state), "GITHUB_STATE"));
  for (const [k, v] of parseEnvFile(read(files.env), "GITHUB_ENV")) rt.envFromFiles[k] = v;
  const paths = read(files.path)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  rt.pathPrepend = [...paths.reverse(), ...rt.pathPrepend];
  const summary = read(files.summary);
  if (summary.trim()) rt.summary.push(rt.masker.mask(summary));
  return { outputs, state };
}
