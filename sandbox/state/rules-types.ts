/**
 * Repository rules as GitHub stores them: rulesets (repository or organization) and classic
 * branch protection. Conditions, rules and bypass actors are kept as the client sent them
 * (validated against GitHub's description), and read when a merge is checked.
 */
export interface RulesetRecord {
  id: number;
  /** The repository of a repository ruleset; null for an organization's. */
  repoId: number | null;
  /** The organization of an organization ruleset; the repository's owner otherwise. */
  ownerId: number;
  name: string;
  target: "branch";
  enforcement: "active" | "evaluate" | "disabled";
  conditions: RulesetConditions | null;
  rules: { type: string; parameters?: Record<string, unknown> }[];
  createdAt: string;
  updatedAt: string;
}

export interface RulesetConditions {
  ref_name?: { include?: string[]; exclude?: string[] };
  repository_name?: { include?: string[]; exclude?: string[]; protected?: boolean };
  repository_id?: { repository_ids?: number[] };
}

/** Classic branch protection of one branch (by exact name, as the REST API sets it). */
export interface BranchProtectionRecord {
  repoId: number;
  branch: string;
  requiredStatusChecks: {
    strict: boolean;
    /** `appId` null: any App (or a commit status) may provide the check. */
    checks: { context: string; appId: number | null }[];
  } | null;
  enforceAdmins: boolean;
  createdAt: string;
}
