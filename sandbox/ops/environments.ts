import type { SandboxCore } from "../core.ts";
import { GitHubError, notFound, validationFailed } from "../http/github-error.ts";
import type { EnvironmentRecord, RepoRecord } from "../state/types.ts";

/** "An environment name may not exceed 255 characters and must be unique within the repository." */
export const ENVIRONMENT_NAME_MAX = 255;

/** The repository's environment of that name; "Environment names are not case sensitive". */
export function findEnvironment(
  core: SandboxCore,
  repo: RepoRecord,
  name: string,
): EnvironmentRecord | undefined {
  const lower = name.toLowerCase();
  return core.store.state.environments.find(
    (e) => e.repoId === repo.id && e.name.toLowerCase() === lower,
  );
}

export function environmentOf(
  core: SandboxCore,
  repo: RepoRecord,
  name: string,
): EnvironmentRecord {
  const e = findEnvironment(core, repo, name);
  if (!e) throw notFound();
  return e;
}

function checkName(name: string): void {
  if (name.trim() === "")
    throw validationFailed("Environment", "name", "missing_field", "an environment needs a name");
  if (name.length > ENVIRONMENT_NAME_MAX)
    throw validationFailed(
      "Environment",
      "name",
      "invalid",
      `an environment name may not exceed ${ENVIRONMENT_NAME_MAX} characters`,
    );
}

/**
 * The environment of that name, created when missing: the REST `PUT` and a workflow job
 * referencing it both create it ("Running a workflow that references an environment that does
 * not exist will create an environment with the referenced name").
 */
export function ensureEnvironment(
  core: SandboxCore,
  repo: RepoRecord,
  name: string,
): { environment: EnvironmentRecord; created: boolean } {
  checkName(name);
  const existing = findEnvironment(core, repo, name);
  if (existing) return { environment: existing, created: false };
  const now = core.store.now();
  const environment: EnvironmentRecord = {
    id: core.store.newId(),
    repoId: repo.id,
    name,
    key: null,
    secrets: [],
    variables: [],
    createdAt: now,
    updatedAt: now,
  };
  core.store.state.environments.push(environment);
  core.store.changed();
  return { environment, created: true };
}

/** "Deleting an environment will delete all secrets and protection rules associated with the environment." */
export function deleteEnvironment(core: SandboxCore, environment: EnvironmentRecord): void {
  const st = core.store.state;
  st.environments = st.environments.filter((e) => e !== environment);
  core.store.changed();
}

/** The body of `PUT …/environments/{name}`: protection rules the sandbox does not model. */
export interface EnvironmentSettings {
  wait_timer?: number;
  prevent_self_review?: boolean;
  reviewers?: { type?: string; id?: number }[] | null;
  deployment_branch_policy?: {
    protected_branches: boolean;
    custom_branch_policies: boolean;
  } | null;
}

/**
 * Protection rules (required reviewers, a wait timer, deployment branch policies) would hold
 * jobs back on GitHub; the sandbox runner cannot, so configuring one is refused, never ignored.
 * Their "off" values (no reviewers, a wait timer of 0, a `null` branch policy) are accepted.
 */
export function refuseProtectionRules(body: EnvironmentSettings): void {
  const asked: string[] = [];
  if (body.reviewers && body.reviewers.length > 0) asked.push("required reviewers (reviewers)");
  if (body.prevent_self_review === true) asked.push("prevent_self_review");
  if (body.wait_timer !== undefined && body.wait_timer !== 0)
    asked.push("a wait timer (wait_timer)");
  if (body.deployment_branch_policy)
    asked.push("deployment branch policies (deployment_branch_policy)");
  if (asked.length)
    throw new GitHubError(
      422,
      `The HavunCore sandbox does not model environment protection rules: ${asked.join(", ")}. Jobs that use the environment would run without them; configure the environment without protection rules (or with reviewers: [], wait_timer: 0, deployment_branch_policy: null).`,
    );
}
