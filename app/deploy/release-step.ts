import type { HubConfig } from "../config/hub-config-schema.ts";
import type { Control } from "../core/control.ts";
import type { OrchestrationState, TaskView } from "../core/state.ts";
import { releaseConfigured, releasePhase, type ReleasePhase } from "./release-phase.ts";
import { lower } from "./release-view.ts";

/**
 * reconcile's hook once every task is done: null when the config asks for no integration check
 * and no deployments (the orchestration closes as before); otherwise the phase, which holds the
 * close until it is done. Without the release read yet, it waits.
 */
export function releaseStep(
  state: OrchestrationState,
  config: HubConfig,
  control: Control,
  views: TaskView[],
): ReleasePhase | null {
  if (!releaseConfigured(config)) return null;
  const read = state.release;
  const release = read ? { ...read, starts: control.releaseStart } : null;
  if (!release)
    return {
      done: false,
      actions: [],
      comments: [],
      integration: null,
      chain: null,
      problem: null,
    };
  return releasePhase({
    release,
    config,
    control,
    hub: state.hub.repo,
    number: state.hub.number,
    views,
    defaultBranch: (repo) => release.branches[lower(repo)] ?? "main",
  });
}
