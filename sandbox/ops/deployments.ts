import type { Actor, SandboxCore } from "../core.ts";
import { GitHubError, validationFailed } from "../http/github-error.ts";
import { renderDeployment, renderDeploymentStatus } from "../render/deployment.ts";
import type { DeploymentRecord, DeploymentStatusRecord, RepoRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";
import { latestStatuses } from "./statuses.ts";

export interface DeploymentInput {
  ref: string;
  task?: string;
  auto_merge?: boolean;
  required_contexts?: string[];
  payload?: Record<string, unknown> | string;
  environment?: string;
  description?: string | null;
  transient_environment?: boolean;
  production_environment?: boolean;
}

/**
 * Creates a deployment as GitHub documents it (repos/create-deployment): `ref` is a branch, tag
 * or SHA; `environment` defaults to "production", `task` to "deploy"; `production_environment`
 * is true for "production" unless given; every unique commit-status context on the commit (or
 * the `required_contexts` given; `[]` skips the check) must be `success`, else 409. With
 * `auto_merge` (the default) GitHub merges the default branch into a ref that is behind it: the
 * sandbox does not, and refuses such a request (pass `auto_merge: false`). A `deployment`
 * webhook follows.
 */
export async function createDeployment(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  input: DeploymentInput,
): Promise<DeploymentRecord> {
  const sha = await core.git.resolve(repo.id, input.ref).catch(() => null);
  if (!sha)
    throw validationFailed("Deployment", "ref", "invalid", `No ref found for: ${input.ref}`);
  if (input.auto_merge !== false) {
    const base = await core.git.resolve(repo.id, repo.defaultBranch).catch(() => null);
    if (base && base !== sha && !(await core.git.isAncestor(repo.id, base, sha)))
      throw new GitHubError(
        422,
        `The sandbox does not merge ${repo.defaultBranch} into ${input.ref} (auto_merge): pass auto_merge: false, or deploy a ref that contains ${repo.defaultBranch}.`,
      );
  }
  const latest = latestStatuses(core, repo, sha);
  const required = input.required_contexts ?? latest.map((s) => s.context);
  const failing = required.filter((c) => latest.find((s) => s.context === c)?.state !== "success");
  if (failing.length)
    throw new GitHubError(409, `Conflict: Commit status checks failed for ${input.ref}.`, [
      ...failing.map((context) => ({ contexts: [{ context, state: stateOf(latest, context) }] })),
    ]);
  const environment = input.environment ?? "production";
  const now = core.store.now();
  const record: DeploymentRecord = {
    id: core.store.newId(),
    repoId: repo.id,
    sha,
    ref: input.ref,
    task: input.task ?? "deploy",
    environment,
    originalEnvironment: environment,
    payload: payloadObject(input.payload),
    description: input.description ?? "",
    transientEnvironment: input.transient_environment ?? false,
    productionEnvironment: input.production_environment ?? environment === "production",
    creatorId: actor.accountId,
    appId: actor.appId,
    createdAt: now,
    updatedAt: now,
  };
  core.store.state.deployments.push(record);
  core.store.changed();
  emitEvent(core, actor, "deployment", "created", repo.id, {
    deployment: renderDeployment(core, repo, record),
    workflow: null,
    workflow_run: null,
  });
  return record;
}

/** "JSON payload with extra information": a JSON text is stored (and shown) as its object. */
function payloadObject(p: DeploymentInput["payload"]): Record<string, unknown> {
  if (p === undefined || p === "") return {};
  if (typeof p !== "string") return p;
  try {
    const v: unknown = JSON.parse(p);
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw validationFailed("Deployment", "payload", "invalid", "payload must be a JSON object");
}

function stateOf(latest: { context: string; state: string }[], context: string): string {
  return latest.find((s) => s.context === context)?.state ?? "missing";
}

export interface DeploymentStatusInput {
  state: DeploymentStatusRecord["state"];
  target_url?: string;
  log_url?: string;
  description?: string;
  environment?: string;
  environment_url?: string;
  auto_inactive?: boolean;
}

/** "The maximum description length is 140 characters." */
export const STATUS_DESCRIPTION_MAX = 140;

/**
 * Adds a deployment status as GitHub documents it (repos/create-deployment-status): `log_url`
 * replaces `target_url` (either sets both); `environment` defaults to the previous status's,
 * else the deployment's, and moves the deployment; a `success` with `auto_inactive` (the
 * default) marks earlier successful non-transient, non-production deployments of the same
 * environment `inactive`. A `deployment_status` webhook follows.
 */
export function createDeploymentStatus(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  deployment: DeploymentRecord,
  input: DeploymentStatusInput,
): DeploymentStatusRecord {
  const description = input.description ?? "";
  if (description.length > STATUS_DESCRIPTION_MAX)
    throw validationFailed(
      "DeploymentStatus",
      "description",
      "custom",
      `description is too long (maximum is ${STATUS_DESCRIPTION_MAX} characters)`,
    );
  const previous = statusesOf(core, deployment)[0];
  const environment = input.environment ?? previous?.environment ?? deployment.environment;
  const record = addStatus(core, actor, deployment, {
    state: input.state,
    description,
    environment,
    logUrl: input.log_url ?? input.target_url ?? "",
    environmentUrl: input.environment_url ?? "",
  });
  deployment.environment = environment;
  deployment.updatedAt = record.createdAt;
  if (input.state === "success" && input.auto_inactive !== false)
    for (const d of core.store.state.deployments) {
      if (d.id === deployment.id || d.repoId !== repo.id || d.environment !== environment) continue;
      if (d.transientEnvironment || d.productionEnvironment || d.id > deployment.id) continue;
      if (statusesOf(core, d)[0]?.state !== "success") continue;
      // GitHub's webhook schema has no `inactive` deployment_status: no webhook for these.
      addStatus(core, actor, d, { state: "inactive", description: "", environment });
    }
  core.store.changed();
  // REST answers "" for a URL never set; the webhook's schema (optional, format uri) leaves it out.
  const { environment_url, log_url, ...rest } = renderDeploymentStatus(core, repo, record);
  emitEvent(core, actor, "deployment_status", "created", repo.id, {
    deployment_status: {
      ...rest,
      ...(environment_url ? { environment_url } : {}),
      ...(log_url ? { log_url } : {}),
    },
    deployment: renderDeployment(core, repo, deployment),
  });
  return record;
}

function addStatus(
  core: SandboxCore,
  actor: Actor,
  d: DeploymentRecord,
  s: Pick<DeploymentStatusRecord, "state" | "description" | "environment"> &
    Partial<Pick<DeploymentStatusRecord, "logUrl" | "environmentUrl">>,
): DeploymentStatusRecord {
  const now = core.store.now();
  const record: DeploymentStatusRecord = {
    id: core.store.newId(),
    repoId: d.repoId,
    deploymentId: d.id,
    logUrl: "",
    environmentUrl: "",
    ...s,
    creatorId: actor.accountId,
    appId: actor.appId,
    createdAt: now,
    updatedAt: now,
  };
  core.store.state.deploymentStatuses.push(record);
  return record;
}

/** A deployment's statuses, newest first. */
export function statusesOf(core: SandboxCore, d: DeploymentRecord): DeploymentStatusRecord[] {
  return core.store.state.deploymentStatuses
    .filter((s) => s.deploymentId === d.id)
    .sort((a, b) => b.id - a.id);
}
