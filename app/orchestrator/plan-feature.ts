import type { HubConfig } from "../config/hub-config-schema.ts";
import { readHubCatalog, readRepoContext } from "../gateway/planner-context.ts";
import { readEstimateHistory } from "../planner/estimate-history.ts";
import { planWithClaude, type PlanOutcome } from "../planner/plan-with-claude.ts";
import type { Task } from "../spec/task-schema.ts";
import type { OrchestratorDeps } from "./deps.ts";

/**
 * Reads what the planner may see (never secret values) and the hub's finished tasks (for its
 * estimates' calibration), and plans with Claude.
 */
export async function planFeature(
  deps: OrchestratorDeps,
  input: {
    hub: string;
    hubIssue: number;
    request: string;
    config: HubConfig;
    existingTasks?: Task[];
  },
): Promise<PlanOutcome> {
  const [repos, catalog, history] = await Promise.all([
    Promise.all(input.config.projects.map((p) => readRepoContext(deps.octokit, p))),
    readHubCatalog(deps.octokit, input.hub, input.config.snippets.dir),
    // Estimates learn from the hub's finished orchestrations; without them, the planner's stand.
    readEstimateHistory(deps.octokit, input.hub, { ...deps, config: input.config }).catch(
      (err: Error) => (deps.log.warn({ hub: input.hub, err: err.message }, "no history"), []),
    ),
  ]);
  return planWithClaude(deps.anthropic, {
    request: input.request,
    hub: input.hub,
    hubIssue: input.hubIssue,
    config: input.config,
    repos,
    sealedSecrets: catalog.sealedSecrets,
    contracts: catalog.contracts,
    snippets: catalog.snippets,
    existingTasks: input.existingTasks,
    history,
  });
}
