import type { Actor, SandboxCore } from "../core.ts";
import { GitHubError } from "../http/github-error.ts";
import type { AccountRecord, RepoRecord, Role, TokenRecord } from "../state/types.ts";

export type Level = "read" | "write" | "admin";
const levelRank: Record<Level, number> = { read: 1, write: 2, admin: 3 };

/** What a user's repository role grants, in GitHub App permission terms. */
function userLevel(role: Role | null, permission: string): Level | null {
  if (!role) return null;
  if (permission === "checks") return "read"; // creating check runs needs a GitHub App
  if (permission === "actions_variables") {
    return role === "admin" ? "admin" : role === "write" || role === "maintain" ? "write" : null;
  }
  if (permission === "administration" || permission === "secrets") {
    return role === "admin" ? "admin" : role === "maintain" ? "read" : null;
  }
  if (role === "admin") return "admin";
  if (role === "write" || role === "maintain") return "write";
  if (role === "triage" && (permission === "issues" || permission === "pull_requests")) {
    return "write";
  }
  return "read";
}

/**
 * The caller of one request: who acts and what the token may do. `require` throws what GitHub
 * answers: 404 when the repository is invisible to the caller, 403 when it is visible but the
 * token lacks the permission ("Resource not accessible by integration" for App tokens).
 */
export class Access {
  constructor(
    private readonly core: SandboxCore,
    readonly token: TokenRecord,
    readonly actor: Actor,
  ) {}

  private reachesRepo(repo: RepoRecord): boolean {
    if (this.token.kind === "user")
      return this.core.store.roleOf(this.actor.accountId, repo) !== null;
    if (this.token.repositoryIds) return this.token.repositoryIds.includes(repo.id);
    const inst = this.core.store.state.installations.find(
      (i) => i.id === this.token.installationId,
    );
    return inst !== undefined && inst.accountId === repo.ownerId;
  }

  /** The level this token has for a permission on a repository (null: none). */
  levelOn(repo: RepoRecord, permission: string): Level | null {
    if (!this.reachesRepo(repo))
      return repo.private
        ? null
        : permission === "metadata" || permission === "contents"
          ? "read"
          : null;
    if (this.token.kind === "user")
      return userLevel(this.core.store.roleOf(this.actor.accountId, repo), permission);
    if (permission === "metadata") return "read";
    return this.token.permissions?.[permission] ?? null;
  }

  canSee(repo: RepoRecord): boolean {
    return !repo.private || this.reachesRepo(repo);
  }

  /** Throws unless the token has `level` on any one of `permissions` for the repository. */
  require(repo: RepoRecord, permissions: string | string[], level: Level): void {
    if (!this.canSee(repo)) throw new GitHubError(404, "Not Found");
    const list = Array.isArray(permissions) ? permissions : [permissions];
    const ok = list.some((p) => {
      const have = this.levelOn(repo, p);
      return have !== null && levelRank[have] >= levelRank[level];
    });
    // "Archived repositories are read-only": every write but the repository's settings fails.
    if (ok && repo.archived && level !== "read" && !list.includes("administration"))
      throw new GitHubError(403, "Repository was archived so is read-only.");
    if (ok) return;
    if (this.token.kind === "user") {
      if (list.includes("checks"))
        throw new GitHubError(403, "You must authenticate via a GitHub App.");
      throw new GitHubError(
        level === "read" ? 404 : 403,
        level === "read"
          ? "Not Found"
          : level === "admin"
            ? "Must have admin rights to Repository."
            : "Must have push access to repository.",
      );
    }
    throw new GitHubError(403, "Resource not accessible by integration");
  }

  /** Opening issues and commenting: any reader may as a user; an App needs issues:write. */
  requireParticipate(repo: RepoRecord, permissions: string | string[] = "issues"): void {
    this.require(repo, permissions, this.token.kind === "user" ? "read" : "write");
    // Opening and commenting is a write even where reading is enough to be allowed it.
    if (repo.archived) throw new GitHubError(403, "Repository was archived so is read-only.");
  }

  /** Organization-level permissions (Projects, members). */
  requireOrg(org: AccountRecord, permission: string, level: Level): void {
    if (this.token.kind === "user") {
      const role =
        org.members?.[this.core.store.accountById(this.actor.accountId).login.toLowerCase()];
      if (org.id === this.actor.accountId || role === "admin" || (role && level === "read")) return;
      throw new GitHubError(
        role ? 403 : 404,
        role ? "Must be an organization owner." : "Not Found",
      );
    }
    const inst = this.core.store.state.installations.find(
      (i) => i.id === this.token.installationId,
    );
    const have = this.token.permissions?.[permission];
    if (inst?.accountId === org.id && have && levelRank[have] >= levelRank[level]) return;
    throw new GitHubError(403, "Resource not accessible by integration");
  }
}
