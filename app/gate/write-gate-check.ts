import type { GitHubClient } from "../gateway/client.ts";
import type { GateResult } from "./gate-inputs.ts";
import { GATE_CHECK, type GateRead } from "./read-gate.ts";

/** The button on the gate's check run; GitHub sends `check_run.requested_action` when clicked. */
export const RERUN_ACTION = {
  label: "Re-run gate",
  identifier: "rerun-gate",
  description: "Evaluate the merge gate again now",
};

/**
 * Writes the gate's verdict as the `havun/gate` check run on the head commit: creates it, or
 * updates the App's existing one; writes nothing when it already says the same.
 */
export async function writeGateCheck(
  octokit: GitHubClient,
  read: GateRead,
  result: GateResult,
): Promise<"created" | "updated" | "unchanged"> {
  const { own, inputs } = read;
  const status = result.conclusion ? "completed" : "in_progress";
  if (
    own &&
    own.status === status.toUpperCase() &&
    (own.conclusion ?? null) === (result.conclusion?.toUpperCase() ?? null) &&
    own.title === result.title &&
    own.summary === result.summary
  )
    return "unchanged";
  const [owner = "", repo = ""] = inputs.pull.repo.split("/");
  const common = {
    owner,
    repo,
    ...(inputs.tasks[0] ? { details_url: inputs.tasks[0].issue.url } : {}),
    output: { title: result.title, summary: result.summary },
    actions: [{ ...RERUN_ACTION }],
  };
  const state = result.conclusion
    ? { status: "completed" as const, conclusion: result.conclusion }
    : { status: "in_progress" as const };
  // A completed run cannot go back to in progress: a new one takes its place.
  if (own && !(own.status === "COMPLETED" && status === "in_progress")) {
    await octokit.rest.checks.update({ ...common, ...state, check_run_id: own.id });
    return "updated";
  }
  await octokit.rest.checks.create({
    ...common,
    ...state,
    name: GATE_CHECK,
    head_sha: inputs.pull.headSha,
    external_id: `havun-gate:${inputs.pull.repo}#${inputs.pull.number}`,
  });
  return "created";
}
