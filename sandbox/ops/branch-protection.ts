import type { SandboxCore } from "../core.ts";
import { GitHubError } from "../http/github-error.ts";
import type { BranchProtectionRecord } from "../state/rules-types.ts";
import type { RepoRecord } from "../state/types.ts";

/** The body of `PUT …/branches/{branch}/protection` (already checked against the description). */
export interface ProtectionInput {
  required_status_checks: {
    strict: boolean;
    contexts?: string[];
    checks?: { context: string; app_id?: number }[];
  } | null;
  enforce_admins: boolean | null;
  required_pull_request_reviews: unknown;
  restrictions: unknown;
  [setting: string]: unknown;
}

/** Settings that would change who may push or merge: refused rather than stored and ignored. */
const NOT_ENFORCED = [
  "required_linear_history",
  "allow_force_pushes",
  "allow_deletions",
  "block_creations",
  "required_conversation_resolution",
  "lock_branch",
  "allow_fork_syncing",
];

export function protectionOf(
  core: SandboxCore,
  repo: RepoRecord,
  branch: string,
): BranchProtectionRecord | undefined {
  return core.store.state.branchProtections.find(
    (p) => p.repoId === repo.id && p.branch === branch,
  );
}

/**
 * The App that recently provided a check of this name in the repository, or null. GitHub's rule
 * for a required check given without `app_id` (or in the deprecated `contexts`): "automatically
 * select the GitHub App that has recently provided this check, or any app if it was not set by
 * a GitHub App"; `app_id: -1` allows any App.
 */
function recentApp(core: SandboxCore, repo: RepoRecord, context: string): number | null {
  const runs = core.store.state.checkRuns.filter((r) => r.repoId === repo.id && r.name === context);
  return runs.at(-1)?.appId ?? null;
}

export function putProtection(
  core: SandboxCore,
  repo: RepoRecord,
  branch: string,
  input: ProtectionInput,
): BranchProtectionRecord {
  if (input.required_pull_request_reviews != null || input.restrictions != null)
    throw new GitHubError(
      501,
      "The HavunCore sandbox does not enforce required_pull_request_reviews or restrictions; set them to null.",
    );
  for (const key of NOT_ENFORCED)
    if (input[key] === true)
      throw new GitHubError(501, `The HavunCore sandbox does not enforce ${key}.`);
  const rsc = input.required_status_checks;
  const checks = rsc
    ? [
        ...(rsc.checks ?? []).map((c) => ({
          context: c.context,
          appId: c.app_id === -1 ? null : (c.app_id ?? recentApp(core, repo, c.context)),
        })),
        ...(rsc.contexts ?? [])
          .filter((ctx) => !(rsc.checks ?? []).some((c) => c.context === ctx))
          .map((ctx) => ({ context: ctx, appId: recentApp(core, repo, ctx) })),
      ]
    : null;
  const record: BranchProtectionRecord = {
    repoId: repo.id,
    branch,
    requiredStatusChecks: rsc && checks ? { strict: rsc.strict, checks } : null,
    enforceAdmins: input.enforce_admins === true,
    createdAt: core.store.now(),
  };
  const st = core.store.state;
  st.branchProtections = st.branchProtections.filter(
    (p) => !(p.repoId === repo.id && p.branch === branch),
  );
  st.branchProtections.push(record);
  core.store.changed();
  return record;
}

export function deleteProtection(core: SandboxCore, repo: RepoRecord, branch: string): boolean {
  const st = core.store.state;
  const before = st.branchProtections.length;
  st.branchProtections = st.branchProtections.filter(
    (p) => !(p.repoId === repo.id && p.branch === branch),
  );
  core.store.changed();
  return st.branchProtections.length < before;
}
