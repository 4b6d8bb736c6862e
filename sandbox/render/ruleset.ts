import type { SandboxCore } from "../core.ts";
import type { BranchProtectionRecord, RulesetRecord } from "../state/rules-types.ts";
import type { RepoRecord } from "../state/types.ts";

function source(core: SandboxCore, r: RulesetRecord) {
  return r.repoId === null
    ? { source_type: "Organization", source: core.store.accountById(r.ownerId).login }
    : { source_type: "Repository", source: core.store.fullName(core.store.repoById(r.repoId)) };
}

function links(core: SandboxCore, r: RulesetRecord) {
  const { source_type, source: name } = source(core, r);
  const api =
    source_type === "Organization"
      ? `${core.urls.api}/orgs/${name}/rulesets/${r.id}`
      : `${core.urls.api}/repos/${name}/rulesets/${r.id}`;
  const html =
    source_type === "Organization"
      ? `${core.urls.server}/organizations/${name}/settings/rules/${r.id}`
      : `${core.urls.server}/${name}/rules/${r.id}`;
  return { self: { href: api }, html: { href: html } };
}

/** A ruleset as the list endpoints show it (no conditions or rules). */
export function renderRulesetSummary(core: SandboxCore, r: RulesetRecord): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    target: r.target,
    ...source(core, r),
    enforcement: r.enforcement,
    node_id: `RRS_kw${Buffer.from(`RepositoryRuleset:${r.id}`).toString("base64url")}`,
    _links: links(core, r),
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

/** `repository-ruleset`: the whole ruleset. */
export function renderRuleset(
  core: SandboxCore,
  r: RulesetRecord,
  repoLevel: boolean,
): Record<string, unknown> {
  return {
    ...renderRulesetSummary(core, r),
    bypass_actors: [],
    ...(repoLevel ? { current_user_can_bypass: "never" } : {}),
    conditions: r.conditions,
    rules: r.rules,
  };
}

/** `repository-rule-detailed`: a rule with the ruleset it comes from. */
export function renderBranchRule(
  core: SandboxCore,
  r: RulesetRecord,
  rule: RulesetRecord["rules"][number],
): Record<string, unknown> {
  const s = source(core, r);
  return {
    ...rule,
    ruleset_source_type: s.source_type,
    ruleset_source: s.source,
    ruleset_id: r.id,
  };
}

function protectionUrl(core: SandboxCore, repo: RepoRecord, branch: string): string {
  return `${core.urls.api}/repos/${core.store.fullName(repo)}/branches/${encodeURIComponent(branch)}/protection`;
}

/** The parts `GET` and `PUT …/protection` share (`branch-protection`, `protected-branch`). */
export function renderProtection(
  core: SandboxCore,
  repo: RepoRecord,
  p: BranchProtectionRecord,
): Record<string, unknown> {
  const url = protectionUrl(core, repo, p.branch);
  const off = { enabled: false };
  const rsc = p.requiredStatusChecks;
  return {
    url,
    ...(rsc
      ? {
          required_status_checks: {
            url: `${url}/required_status_checks`,
            strict: rsc.strict,
            contexts: rsc.checks.map((c) => c.context),
            checks: rsc.checks.map((c) => ({ context: c.context, app_id: c.appId })),
            contexts_url: `${url}/required_status_checks/contexts`,
          },
        }
      : {}),
    enforce_admins: { url: `${url}/enforce_admins`, enabled: p.enforceAdmins },
    required_linear_history: off,
    allow_force_pushes: off,
    allow_deletions: off,
    block_creations: off,
    required_conversation_resolution: off,
    lock_branch: off,
    allow_fork_syncing: off,
  };
}
