import type { SandboxCore } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { DeploymentRecord, DeploymentStatusRecord, RepoRecord } from "../state/types.ts";
import { renderAppById } from "./app.ts";
import { renderUser } from "./user.ts";

function creatorOf(core: SandboxCore, id: number): Record<string, unknown> | null {
  const a = core.store.state.accounts.find((x) => x.id === id);
  return a ? renderUser(core.urls, a) : null;
}

/** A deployment as the REST API renders it (`deployment`). */
export function renderDeployment(
  core: SandboxCore,
  repo: RepoRecord,
  d: DeploymentRecord,
): Record<string, unknown> {
  const api = `${core.urls.api}/repos/${core.store.fullName(repo)}`;
  return {
    url: `${api}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId("Deployment", d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: creatorOf(core, d.creatorId),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${api}/deployments/${d.id}/statuses`,
    repository_url: api,
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
    performed_via_github_app: renderAppById(core, d.appId),
  };
}

/** A deployment status as the REST API renders it (`deployment-status`). */
export function renderDeploymentStatus(
  core: SandboxCore,
  repo: RepoRecord,
  s: DeploymentStatusRecord,
): Record<string, unknown> {
  const api = `${core.urls.api}/repos/${core.store.fullName(repo)}`;
  return {
    url: `${api}/deployments/${s.deploymentId}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId("DeploymentStatus", s.id),
    state: s.state,
    creator: creatorOf(core, s.creatorId),
    description: s.description,
    environment: s.environment,
    target_url: s.logUrl,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    deployment_url: `${api}/deployments/${s.deploymentId}`,
    repository_url: api,
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
    performed_via_github_app: renderAppById(core, s.appId),
  };
}
