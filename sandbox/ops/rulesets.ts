import type { SandboxCore } from "../core.ts";
import { GitHubError, validationFailed } from "../http/github-error.ts";
import type { RulesetConditions, RulesetRecord } from "../state/rules-types.ts";
import type { RepoRecord } from "../state/types.ts";
import { fnmatchPathname, refNameMatches, unsupportedPattern } from "./ref-pattern.ts";

/** What a ruleset body may set (already checked against GitHub's description). */
export interface RulesetInput {
  name?: string;
  target?: string;
  enforcement?: string;
  bypass_actors?: unknown[];
  conditions?: RulesetConditions | null;
  rules?: { type: string; parameters?: Record<string, unknown> }[];
}

/** The rule types the sandbox enforces; any other is refused rather than stored and ignored. */
const ENFORCED = new Set(["required_status_checks"]);

function notEnforced(what: string): GitHubError {
  return new GitHubError(
    501,
    `The HavunCore sandbox does not enforce ${what}; it implements branch rulesets whose rules are required_status_checks, without bypass actors.`,
  );
}

function check(input: RulesetInput, org: boolean): void {
  if (input.target !== undefined && input.target !== "branch")
    throw notEnforced(`${input.target} rulesets`);
  if ((input.bypass_actors ?? []).length > 0) throw notEnforced("bypass actors");
  for (const rule of input.rules ?? [])
    if (!ENFORCED.has(rule.type)) throw notEnforced(`"${rule.type}" rules`);
  const c = input.conditions ?? {};
  if (!org && (c.repository_name || c.repository_id))
    throw validationFailed(
      "Ruleset",
      "conditions",
      "invalid",
      "Repository rulesets take ref_name conditions only",
    );
  if ("repository_property" in c) throw notEnforced("repository_property conditions");
  for (const p of [...(c.ref_name?.include ?? []), ...(c.ref_name?.exclude ?? [])]) {
    const why = unsupportedPattern(p);
    if (why) throw validationFailed("Ruleset", "conditions", "invalid", `${p}: ${why}`);
  }
}

function uniqueName(
  core: SandboxCore,
  r: { id: number | null; scope: RulesetScope; name: string },
) {
  const clash = core.store.state.rulesets.some(
    (x) =>
      x.id !== r.id &&
      x.repoId === r.scope.repoId &&
      x.ownerId === r.scope.ownerId &&
      x.name.toLowerCase() === r.name.toLowerCase(),
  );
  if (clash) throw validationFailed("Ruleset", "name", "already_exists", "Name must be unique");
}

export interface RulesetScope {
  repoId: number | null;
  ownerId: number;
}

export function createRuleset(
  core: SandboxCore,
  scope: RulesetScope,
  input: RulesetInput,
): RulesetRecord {
  check(input, scope.repoId === null);
  const name = String(input.name);
  uniqueName(core, { id: null, scope, name });
  const now = core.store.now();
  const record: RulesetRecord = {
    id: core.store.newId(),
    ...scope,
    name,
    target: "branch",
    enforcement: (input.enforcement ?? "disabled") as RulesetRecord["enforcement"],
    conditions: input.conditions ?? null,
    rules: input.rules ?? [],
    createdAt: now,
    updatedAt: now,
  };
  core.store.state.rulesets.push(record);
  core.store.changed();
  return record;
}

export function updateRuleset(
  core: SandboxCore,
  record: RulesetRecord,
  input: RulesetInput,
): RulesetRecord {
  check(input, record.repoId === null);
  if (input.name !== undefined)
    uniqueName(core, { id: record.id, scope: record, name: input.name });
  if (input.name !== undefined) record.name = input.name;
  if (input.enforcement !== undefined)
    record.enforcement = input.enforcement as RulesetRecord["enforcement"];
  if (input.conditions !== undefined) record.conditions = input.conditions;
  if (input.rules !== undefined) record.rules = input.rules;
  record.updatedAt = core.store.now();
  core.store.changed();
  return record;
}

function orgRulesetCovers(r: RulesetRecord, repo: RepoRecord): boolean {
  const c = r.conditions ?? {};
  if (c.repository_id) return (c.repository_id.repository_ids ?? []).includes(repo.id);
  const names = c.repository_name;
  const hit = (p: string) =>
    p === "~ALL" || fnmatchPathname(p.toLowerCase(), repo.name.toLowerCase());
  return (names?.include ?? []).some(hit) && !(names?.exclude ?? []).some(hit);
}

/** Rulesets that apply to a repository: its own and its organization's that target it. */
export function rulesetsFor(core: SandboxCore, repo: RepoRecord): RulesetRecord[] {
  return core.store.state.rulesets.filter(
    (r) =>
      r.repoId === repo.id ||
      (r.repoId === null && r.ownerId === repo.ownerId && orgRulesetCovers(r, repo)),
  );
}

/** Active rulesets (enforcement `active`; `evaluate` and `disabled` are not) for a branch. */
export function activeRulesetsFor(
  core: SandboxCore,
  repo: RepoRecord,
  branch: string,
): RulesetRecord[] {
  return rulesetsFor(core, repo).filter(
    (r) =>
      r.enforcement === "active" &&
      refNameMatches(r.conditions?.ref_name, branch, repo.defaultBranch),
  );
}
