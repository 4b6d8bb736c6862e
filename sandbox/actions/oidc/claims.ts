import { randomUUID } from "node:crypto";
import type { GraphScope, RunEnv } from "../runner/types.ts";

/** GitHub's ID tokens live five minutes; `nbf` is ten minutes before issue (its documented example). */
export const ID_TOKEN_LIFETIME_S = 300;
const NOT_BEFORE_SKEW_S = 600;

/** `:` inside the values of the subject is written `%3A`, as GitHub does. */
const part = (v: string) => v.replaceAll(":", "%3A");

/**
 * GitHub's default subject: `repo:OWNER/REPO:environment:NAME` for a job that references an
 * environment, else `repo:OWNER/REPO:pull_request` for pull_request runs, else
 * `repo:OWNER/REPO:ref:REF`.
 */
export function defaultSubject(
  repository: string,
  event: string,
  ref: string,
  environment: string | null = null,
): string {
  const context =
    environment !== null
      ? `environment:${part(environment)}`
      : event === "pull_request"
        ? "pull_request"
        : `ref:${part(ref)}`;
  return `repo:${repository}:${context}`;
}

/**
 * The claims of an ID token for a job, as GitHub documents them. The run's claims (workflow,
 * ref, …) describe the triggered workflow; `job_workflow_ref`/`_sha` name the workflow file
 * that holds the job (a called reusable workflow's, or the triggered one's).
 */
export function idTokenClaims(
  env: RunEnv,
  scope: GraphScope,
  issuer: string,
  audience: string | null,
  environment: string | null = null,
  now = Math.floor(Date.now() / 1000),
): Record<string, string | number> {
  const { core, repo, run, trigger: t } = env;
  const full = core.store.fullName(repo);
  const owner = core.store.accountById(repo.ownerId);
  return {
    jti: randomUUID(),
    sub: defaultSubject(full, t.event, t.ref, environment),
    aud: audience ?? `${core.urls.server}/${owner.login}`,
    ref: t.ref,
    sha: t.sha,
    repository: full,
    repository_owner: owner.login,
    repository_owner_id: String(owner.id),
    repository_visibility: repo.private ? "private" : "public",
    repository_id: String(repo.id),
    run_id: String(run.id),
    run_number: String(run.runNumber),
    run_attempt: String(run.runAttempt),
    runner_environment: "self-hosted",
    actor: core.store.accountById(run.actorId).login,
    actor_id: String(run.actorId),
    workflow: run.name,
    workflow_ref: `${full}/${run.path}@${t.ref}`,
    workflow_sha: t.sha,
    job_workflow_ref: scope.jobWorkflow.ref,
    job_workflow_sha: scope.jobWorkflow.sha,
    head_ref: t.headRef ?? "",
    base_ref: t.baseRef ?? "",
    event_name: t.event,
    ref_type: t.ref.startsWith("refs/tags/") ? "tag" : "branch",
    ref_protected: "false",
    // "environment: The name of the environment used by the job" (only when it uses one).
    ...(environment !== null ? { environment } : {}),
    iss: issuer,
    nbf: now - NOT_BEFORE_SKEW_S,
    exp: now + ID_TOKEN_LIFETIME_S,
    iat: now,
  };
}
