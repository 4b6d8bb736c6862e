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
  // A broken contract involves its provider and the consumers whose pacts it breaks (their
  // registry folders are named after the repositories).
  const consumers = new Set<string>();
  for (const c of phase.contracts.filter((x) => x.state === "failure")) {
    if (c.provider) failedRepos.add(lower(c.provider));
    for (const x of c.consumers) if (x.problems.length) consumers.add(lower(x.consumer));
    for (const b of c.breaking) for (const x of b.consumers) consumers.add(lower(x));
  }
  const tasks = views.filter(
    (v) =>
      failedRepos.has(lower(v.task.repo)) || consumers.has(lower(v.task.repo).split("/")[1] ?? ""),
  );
  const involved = tasks.length
    ? tasks.map((v) => `**${v.task.id}** (${v.task.repo})`).join(", ")
    : [...failedRepos].join(", ");
  return {
    key: `integration-failed-${phase.externalId}`,
    body: [
      "### ❌ Integration check failed",
      "",
      integrationSummary(phase.results, phase.contracts),
      "",
      `Involved: ${involved}. Nothing deploys. Fix it with \`/retry <task>\` (its agent works on it again) or \`/replan <what to change>\`; the check runs again on the new heads once every task is done. A fix made on the default branches by hand (a pact in the hub, say) is checked again when a writer comments \`/deploy\` here or re-runs the check.`,
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
