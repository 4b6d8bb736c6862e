import type { ExprValue } from "../expressions/index.ts";
import type { RunEnv } from "./types.ts";

/** `refs/heads/main` → `main`, `refs/pull/3/merge` → `3/merge`, as GitHub's ref_name. */
export function refName(ref: string): string {
  return ref.replace(/^refs\/(heads|tags|pull)\//, "");
}

export interface JobPaths {
  workspace: string;
  eventPath: string;
  token: string;
}

/** The `github` context of a job (paths empty before the job has a workspace). */
export function githubContext(
  env: RunEnv,
  job: string,
  paths?: JobPaths,
): Record<string, ExprValue> {
  const { core, repo, run, trigger: t } = env;
  const full = core.store.fullName(repo);
  const owner = core.store.accountById(repo.ownerId);
  const login = (id: number) => core.store.accountById(id).login;
  return {
    action: "",
    action_path: "",
    action_ref: "",
    action_repository: "",
    actor: login(run.actorId),
    actor_id: String(run.actorId),
    api_url: core.urls.api,
    base_ref: t.baseRef ?? "",
    event: t.payload as Record<string, ExprValue>,
    event_name: t.event,
    event_path: paths?.eventPath ?? "",
    graphql_url: core.urls.graphql,
    head_ref: t.headRef ?? "",
    job,
    ref: t.ref,
    ref_name: refName(t.ref),
    ref_protected: false,
    ref_type: t.ref.startsWith("refs/tags/") ? "tag" : "branch",
    repository: full,
    repository_id: String(repo.id),
    repository_owner: owner.login,
    repository_owner_id: String(owner.id),
    repositoryUrl: `${core.urls.server}/${full}.git`,
    retention_days: "90",
    run_id: String(run.id),
    run_number: String(run.runNumber),
    run_attempt: String(run.runAttempt),
    secret_source: "Actions",
    server_url: core.urls.server,
    sha: t.sha,
    token: paths?.token ?? "",
    triggering_actor: login(run.triggeringActorId),
    workflow: run.name,
    workflow_ref: `${full}/${run.path}@${t.ref}`,
    workflow_sha: t.sha,
    workspace: paths?.workspace ?? "",
  };
}

export const RUNNER_ARCH = process.arch === "arm64" ? "ARM64" : "X64";

export function runnerContext(temp: string, toolCache: string): Record<string, ExprValue> {
  return {
    name: "sandbox-runner",
    os: "Linux",
    arch: RUNNER_ARCH,
    temp,
    tool_cache: toolCache,
    environment: "self-hosted",
    debug: "",
  };
}
