import type { HubConfig } from "../config/hub-config-schema.ts";
import { describeAction } from "../core/actions.ts";
import { reconcile, type ReconcileResult } from "../core/reconcile.ts";
import type { OrchestrationState } from "../core/state.ts";
import { applyActions } from "../gateway/apply-actions.ts";
import { readForApp } from "../gateway/read-for-app.ts";
import { readRelease } from "../deploy/read-release.ts";
import type { OrchestratorDeps } from "./deps.ts";
import { projectActions } from "../core/project-actions.ts";
import { dropEchoes, echoesOf, echoesOfFiling, expectEchoes } from "./echoes.ts";
import { noteSettled, tick } from "./read-clock.ts";
import { guardStoredPlan } from "./stored-plan.ts";

const MAX_ROUNDS = 6;

export interface RunResult {
  state: OrchestrationState | null;
  result: ReconcileResult | null;
  rounds: number;
  actions: string[];
}

/**
 * Level-triggered reconciliation: read the whole orchestration, compute the actions, apply
 * them, and read again until nothing is left to do. `edit` lets a command change the control
 * state before reconcile (the change is persisted by reconcile's hub body update).
 */
export async function runOrchestration(
  deps: OrchestratorDeps,
  hub: string,
  number: number,
  config: HubConfig,
  edit?: (state: OrchestrationState) => void,
): Promise<RunResult> {
  const done: string[] = [];
  const ctx = { signer: deps.signer, appSlug: deps.appSlug };
  let state: OrchestrationState | null = null;
  let result: ReconcileResult | null = null;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const readTick = tick();
    state = await readForApp(deps, hub, number, config);
    if (!state) return { state, result, rounds: round, actions: done };
    // A stored plan is checked against the config every time it is read: one that names
    // repositories outside the config (or is otherwise invalid now) is never acted on.
    if (round === 1 && state.plan && !(await guardStoredPlan(deps, state, config)))
      return { state, result: null, rounds: round, actions: done };
    if (round === 1 && edit) edit(state);
    // The integration phase and deployments read theirs only when the config asks for them.
    state.release = await readRelease(deps.octokit, state, config);
    const now = new Date().toISOString();
    result = reconcile(state, config, { ...ctx, now });
    if (result.actions.length === 0) {
      // Events received before this read are answered by it (read-clock.ts); an edited first
      // read is not what GitHub holds, so it answers nothing.
      if (round > 1 || !edit) noteSettled(`${hub}#${number}`, readTick);
      return { state, result, rounds: round, actions: done };
    }
    deps.log.info({ hub, number, actions: result.actions.map(describeAction) }, "reconcile");
    const echoes = echoesOf(result.actions);
    expectEchoes(echoes);
    try {
      await applyActions(
        deps.octokit,
        { repo: hub, number, id: state.hub.id, nodeId: state.hub.nodeId },
        result.actions,
        // The filing's webhooks are answered by the read that follows it.
        { onCreated: (made) => expectEchoes(echoesOfFiling({ repo: hub, number }, made)) },
      );
    } catch (err) {
      dropEchoes(echoes);
      throw err;
    }
    done.push(...result.actions.map(describeAction));
    // What GitHub now holds, without reading it again when the writes allow: when reconcile asks
    // nothing more of it, the read of this round answered every event before it.
    const projected = projectActions(state, result.actions, { ...ctx, now });
    if (projected) {
      projected.release = state.release;
      const again = reconcile(projected, config, { ...ctx, now });
      if (again.actions.length === 0) {
        if (round > 1 || !edit) noteSettled(`${hub}#${number}`, readTick);
        return { state: projected, result: again, rounds: round, actions: done };
      }
    }
  }
  deps.log.warn({ hub, number }, `reconcile did not settle after ${MAX_ROUNDS} rounds`);
  return { state, result, rounds: MAX_ROUNDS, actions: done };
}
