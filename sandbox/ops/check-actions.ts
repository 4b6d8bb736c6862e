import type { Actor, SandboxCore } from "../core.ts";
import { emitCheckRun } from "./checks.ts";

/**
 * A person clicks a button a check run offers (`actions: [{ identifier }]`): GitHub sends the
 * check run's App `check_run.requested_action` with that identifier. The sandbox has no web
 * page to click on, so tests call this instead.
 */
export function requestCheckRunAction(
  core: SandboxCore,
  runId: number,
  identifier: string,
  actor: Actor,
): void {
  const run = core.store.state.checkRuns.find((r) => r.id === runId);
  if (!run) throw new Error(`no check run ${runId}`);
  if (!run.actions.some((a) => a.identifier === identifier)) {
    const offered = run.actions.map((a) => a.identifier).join(", ") || "none";
    throw new Error(`check run ${runId} offers no action "${identifier}" (it offers: ${offered})`);
  }
  emitCheckRun(core, actor, run, "requested_action", { requested_action: { identifier } });
}
