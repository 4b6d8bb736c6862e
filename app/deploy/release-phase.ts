import type { HubConfig } from "../config/hub-config-schema.ts";
import type { Control } from "../core/control.ts";
import type { TaskView } from "../core/state.ts";
import { integrationPhase, type IntegrationPhase } from "../integration/integration-phase.ts";
import { deployChain, type DeployChain } from "./deploy-chain.ts";
import { deployOrder, DeployOrderError } from "./deploy-order.ts";
import type { ReleaseAction } from "./release-actions.ts";
import { integrationFailedComment, deployFailedComment } from "./release-comments.ts";
import { hubIssueKey, type ReleaseView } from "./release-view.ts";

export interface ReleasePhase {
  /** Integration passed and every deployment succeeded: the orchestration may close. */
  done: boolean;
  actions: ReleaseAction[];
  comments: { key: string; body: string }[];
  integration: IntegrationPhase | null;
  chain: DeployChain | null;
  /** A configuration problem that stops the phase (shown on the hub). */
  problem: string | null;
}

/** Whether the hub config asks for an integration phase or deployments at all. */
export function releaseConfigured(config: HubConfig): boolean {
  return !!config.integration || !!config.deploy?.length;
}

/**
 * The phase after the last task: the integration check, then (when green) the deployments in
 * dependency order. Pure over what was read; the control state records the dispatches made.
 */
export function releasePhase(input: {
  release: ReleaseView;
  config: HubConfig;
  control: Control;
  hub: string;
  number: number;
  views: TaskView[];
  defaultBranch: (repo: string) => string;
}): ReleasePhase {
  const hubIssue = hubIssueKey(input.hub, input.number);
  const integration = integrationPhase({
    config: input.config.integration,
    release: input.release,
    hubRepo: input.hub,
    hubIssue,
    dispatched: input.control.integrationDispatched,
    defaultBranch: input.defaultBranch,
  });
  for (const key of integration.dispatched)
    if (!input.control.integrationDispatched.includes(key))
      input.control.integrationDispatched.push(key);
  const base = { integration, chain: null, problem: null, comments: [] };
  if (integration.state === "running")
    return { ...base, done: false, actions: integration.actions };
  if (integration.state === "failure")
    return {
      ...base,
      done: false,
      actions: integration.actions,
      comments: [integrationFailedComment(integration, input.views)],
    };
  let order;
  try {
    order = deployOrder(input.config.deploy ?? [], input.config.projects);
  } catch (err) {
    if (!(err instanceof DeployOrderError)) throw err;
    return {
      ...base,
      done: false,
      actions: integration.actions,
      problem: `${err.message}: ${err.fix}`,
    };
  }
  const chain = deployChain({
    order,
    release: input.release,
    hubIssue,
    approvedBy: input.control.deployApprovedBy,
    deployAt: input.control.deployAt,
  });
  const comments = chain.failed?.deployment ? [deployFailedComment(chain.failed)] : [];
  return {
    ...base,
    chain,
    comments,
    done: chain.state === "success",
    actions: [...integration.actions, ...chain.actions],
  };
}
