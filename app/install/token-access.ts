/** The `permissions` GitHub shows the token's user on a repository. */
export interface RepoPermissions {
  admin?: boolean;
  maintain?: boolean;
  push?: boolean;
  triage?: boolean;
  pull?: boolean;
}

/** A repository init wants to write to, as the token sees it. */
export interface WriteTarget {
  repo: string;
  permissions: RepoPermissions | undefined;
  private: boolean;
  /** What the write needs, for the message: "contents: write" or "contents and pull requests: write". */
  needs: string;
  /** Whether the write adds or changes files under `.github/workflows`. */
  workflows: boolean;
}

export function roleName(p: RepoPermissions | undefined): string {
  if (!p) return "no access";
  if (p.admin) return "admin";
  if (p.maintain) return "maintain";
  if (p.push) return "write";
  if (p.triage) return "triage";
  return p.pull ? "read" : "no access";
}

/**
 * Why the token cannot make the planned writes, one message per repository (and per missing
 * classic scope), before anything is written. Write, maintain and admin can push and open pull
 * requests; classic tokens (GitHub reports their scopes in `X-OAuth-Scopes`; fine-grained ones
 * report none) also need `repo` (`public_repo` for public repositories) and, for files under
 * `.github/workflows`, `workflow`.
 */
export function accessProblems(
  login: string,
  targets: readonly WriteTarget[],
  scopes: string[] | null,
): string[] {
  const problems: string[] = [];
  for (const t of targets) {
    if (t.permissions?.push || t.permissions?.maintain || t.permissions?.admin) continue;
    problems.push(
      `${t.repo}: the token cannot write to it (it needs ${t.needs}; ${login} has ${roleName(t.permissions)} access) — ask an admin of ${t.repo} for write access, or run havun init with a token of someone who has it`,
    );
  }
  if (scopes !== null && targets.length > 0) {
    const repoScope = targets.some((t) => t.private) ? ["repo"] : ["repo", "public_repo"];
    if (!scopes.some((s) => repoScope.includes(s)))
      problems.push(
        `the token lacks the \`${repoScope[0]}\` scope needed to write ${targets.map((t) => t.repo).join(", ")} — run \`gh auth refresh -s ${repoScope[0]}\` or make a token with it`,
      );
    if (targets.some((t) => t.workflows) && !scopes.includes("workflow"))
      problems.push(
        "the token lacks the `workflow` scope GitHub requires to add or change files under .github/workflows — run `gh auth refresh -s workflow` or make a token with it",
      );
  }
  return problems;
}

/** A classic token's scopes from `X-OAuth-Scopes`, or null when GitHub reports none (fine-grained, App). */
export function scopesFromHeaders(headers: Record<string, unknown>): string[] | null {
  const raw = headers["x-oauth-scopes"];
  if (typeof raw !== "string") return null;
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
