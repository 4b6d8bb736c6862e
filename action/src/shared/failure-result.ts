import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUT_DIR, RESULT_FILE, type RunResultFile } from "./run-files.ts";

/** Leaves a failure result for the publish job, which tells the sub-issue why. */
export function writeFailureResult(
  runnerTemp: string,
  o: { reason: string; branch: string; baseSha: string; tail?: string },
): void {
  const dir = join(runnerTemp, OUT_DIR);
  mkdirSync(dir, { recursive: true });
  const result: RunResultFile = {
    v: 1,
    conclusion: "failure",
    reason: o.reason.slice(0, 4000),
    summary: "",
    tail: (o.tail ?? "").slice(-4000),
    cost_usd: 0,
    turns: 0,
    input_tokens: 0,
    output_tokens: 0,
    duration_ms: 0,
    files: [],
    steps: [],
    tools: {},
    branch: o.branch,
    base_sha: o.baseSha,
  };
  writeFileSync(join(dir, RESULT_FILE), JSON.stringify(result));
}
