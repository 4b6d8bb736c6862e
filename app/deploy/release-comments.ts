import type { TaskView } from "../core/state.ts";
import type { IntegrationPhase } from "../integration/integration-phase.ts";
import { integrationSummary } from "../integration/integration-phase.ts";
import type { DeployStep } from "./deploy-chain.ts";
import { lower } from "./release-view.ts";

/**
 * The hub comment when the integration check fails: which workflows failed, the tasks whose
 * repositories they check, and how to go on (nothing is reopened by itself).
 */
export function integrationFailedComment(
  phase: IntegrationPhase,
  views: TaskView[],
): { key: string; body: string } {
  const failedRepos = new Set(
    phase.results.filter((r) => r.state === "failure").map((r) => lower(r.workflow.repo)),
  );
  const tasks = views.filter((v) => failedRepos.has(lower(v.task.repo)));
  const involved = tasks.length
    ? tasks.map((v) => `**${v.task.id}** (${v.task.repo})`).join(", ")
    : [...failedRepos].join(", ");
  return {
    key: `integration-failed-${phase.externalId}`,
    body: [
      "### ❌ Integration check failed",
      "",
      integrationSummary(phase.results),
      "",
      `Involved: ${involved}. Nothing deploys. Fix it with \`/retry <task>\` (its agent works on it again) or \`/replan <what to change>\`; the check runs again on the new heads once every task is done.`,
    ].join("\n"),
  };
}

/** The hub comment when a deployment fails: the chain stops there, with its log link. */
export function deployFailedComment(step: DeployStep): { key: string; body: string } {
  const d = step.deployment!;
  const log = d.logUrl ? ` — [log](${d.logUrl})` : "";
  return {
    key: `deploy-failed-${d.id}`,
    body: [
      `### ❌ Deployment of ${step.target.repo} to ${d.environment} failed`,
      "",
      `Deployment ${d.id} ended \`${d.state}\`${d.description ? `: ${d.description}` : ""}${log}.`,
      "",
      "The chain stopped here: nothing after it deploys. Fix the cause, then comment `/deploy` here to deploy it again and go on.",
    ].join("\n"),
  };
}
