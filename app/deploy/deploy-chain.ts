import type { DeployTarget } from "./deploy-config.ts";
import type { ReleaseAction } from "./release-actions.ts";
import { lower, type DeploymentView, type ReleaseView } from "./release-view.ts";

export type DeployStepState =
  | "not started"
  | "waiting for /deploy"
  | "queued"
  | "pending"
  | "in_progress"
  | "success"
  | "failure"
  | "error";

export interface DeployStep {
  target: DeployTarget;
  deployment: DeploymentView | null;
  state: DeployStepState;
}

export interface DeployChain {
  /** running: a deployment is under way or waits; success: all deployed; failure: one failed. */
  state: "running" | "waiting-approval" | "success" | "failure";
  steps: DeployStep[];
  actions: ReleaseAction[];
  /** The failed step, when the chain stopped. */
  failed: DeployStep | null;
}

const FAILED = new Set(["failure", "error"]);

/**
 * The deployments after a green integration check, in dependency order: each one starts only
 * when the one before it reports `success`; one that fails (or errors) stops the chain and no
 * later one is created. A target with `approval` waits for a writer's `/deploy`. What exists is
 * read from GitHub (deployments whose payload names this orchestration), so a redelivered event
 * creates nothing twice.
 */
export function deployChain(input: {
  order: DeployTarget[];
  release: ReleaseView;
  hubIssue: string;
  approvedBy: string | null;
  /** A writer's last /deploy: deployments that failed before it count as not made. */
  deployAt?: string | null;
}): DeployChain {
  const actions: ReleaseAction[] = [];
  const steps: DeployStep[] = input.order.map((target) => ({
    target,
    deployment: latestFor(
      input.release.deployments.filter((d) => !retried(d, input.deployAt ?? null)),
      target,
    ),
    state: "not started",
  }));
  for (const step of steps) {
    const d = step.deployment;
    if (d) {
      step.state = (d.state ?? "pending") as DeployStepState;
      if (step.state === "success") continue;
      if (FAILED.has(step.state)) return { state: "failure", steps, actions, failed: step };
      if (d.state === null && step.target.workflow)
        actions.push({
          kind: "dispatch-deployment",
          repo: step.target.repo,
          deploymentId: d.id,
          sha: d.sha,
          environment: d.environment,
          workflow: step.target.workflow,
        });
      return { state: "running", steps, actions, failed: null };
    }
    if (step.target.approval && !input.approvedBy) {
      step.state = "waiting for /deploy";
      return { state: "waiting-approval", steps, actions, failed: null };
    }
    const sha = input.release.heads[lower(step.target.repo)];
    if (!sha) throw new Error(`no default-branch head was read for ${step.target.repo}`);
    actions.push({
      kind: "create-deployment",
      repo: step.target.repo,
      sha,
      environment: step.target.environment,
      hubIssue: input.hubIssue,
      description: `HavunCore: ${input.hubIssue}`,
      workflow: step.target.workflow ?? null,
    });
    step.state = "queued";
    return { state: "running", steps, actions, failed: null };
  }
  return { state: "success", steps, actions, failed: null };
}

function latestFor(all: DeploymentView[], t: DeployTarget): DeploymentView | null {
  const mine = all.filter(
    (d) => lower(d.repo) === lower(t.repo) && d.environment === t.environment,
  );
  return mine.sort((a, b) => b.id - a.id)[0] ?? null;
}

/**
 * A failed deployment made before a writer's `/deploy`: made again. Compared in whole seconds
 * (GitHub's timestamps have no more): one made in the same second as the comment counts as
 * made after it.
 */
function retried(d: DeploymentView, deployAt: string | null): boolean {
  if (deployAt === null || !FAILED.has(d.state ?? "")) return false;
  const second = (t: string) => Math.floor(Date.parse(t) / 1000);
  return second(d.createdAt) < second(deployAt);
}
