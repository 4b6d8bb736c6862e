import type { HubConfig } from "../config/hub-config-schema.ts";
import type { OrchestrationState } from "../core/state.ts";
import { keyedComment } from "../gateway/apply-actions.ts";
import { storedPlanProblems } from "../gateway/plan-store.ts";
import { readHubCatalog } from "../gateway/planner-context.ts";
import type { PlanProblem } from "../spec/plan-problem.ts";
import type { Plan } from "../spec/task-schema.ts";
import { splitRepo, type OrchestratorDeps } from "./deps.ts";
import { problemList } from "./problem-text.ts";

export const INVALID_PLAN_KEY = "stored-plan-invalid";

/**
 * A stored plan checked against the hub's config now, exactly as a fresh plan is. The hub's
 * sealed secrets are read only when a task attaches one (otherwise nothing depends on them).
 */
export async function checkStoredPlan(
  deps: OrchestratorDeps,
  hub: string,
  number: number,
  plan: Plan,
  config: HubConfig,
): Promise<PlanProblem[]> {
  const sealedSecrets = plan.tasks.some((t) => t.secrets.length > 0)
    ? (await readHubCatalog(deps.octokit, hub, null)).sealedSecrets
    : {};
  return storedPlanProblems(plan, { config, sealedSecrets, hub, hubIssue: number });
}

/**
 * Whether the App may act on the orchestration's stored plan: true without a plan or with a
 * valid one. An invalid one is not acted on; the hub issue is told why, once.
 */
export async function guardStoredPlan(
  deps: OrchestratorDeps,
  state: OrchestrationState,
  config: HubConfig,
): Promise<boolean> {
  if (!state.plan) return true;
  const { repo, number } = state.hub;
  const problems = await checkStoredPlan(deps, repo, number, state.plan, config);
  if (problems.length === 0) return true;
  deps.log.warn({ hub: repo, number, problems: problems.length }, "stored plan is invalid");
  if (!state.commentKeys.includes(INVALID_PLAN_KEY)) {
    const body = [
      "**HavunCore will not act on this orchestration's plan**: it is not valid under `.github/havun.yml` now, so nothing more is filed or dispatched.",
      "",
      problemList(problems),
      "",
      "Fix `.github/havun.yml` (or open a new issue with `/orchestrate <request>`).",
    ].join("\n");
    await deps.octokit.rest.issues.createComment({
      ...splitRepo(repo),
      issue_number: number,
      body: keyedComment(INVALID_PLAN_KEY, body),
    });
  }
  return false;
}
