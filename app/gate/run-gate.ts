import type { GitHubClient } from "../gateway/client.ts";
import type { PullKey } from "./dependents.ts";
import { evaluateGate } from "./evaluate-gate.ts";
import type { GateResult } from "./gate-inputs.ts";
import { readGate, type GateOptions, type ReadSince } from "./read-gate.ts";
import { writeGateCheck } from "./write-gate-check.ts";

/** Reads one pull request (one GraphQL request), decides, and writes `havun/gate` if it changed. */
export async function runGate(
  octokit: GitHubClient,
  pull: PullKey,
  options: GateOptions & ReadSince,
): Promise<GateResult | null> {
  const read = await readGate(octokit, pull.repo, pull.number, options);
  if (!read || read.state !== "OPEN") return null;
  const result = evaluateGate(read.inputs);
  await writeGateCheck(octokit, read, result);
  return result;
}
