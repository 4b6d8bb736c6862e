import type { Access } from "../auth/access.ts";
import type { SandboxCore } from "../core.ts";
import type { IssueRecord, RepoRecord } from "../state/types.ts";
import { GqlError } from "./errors.ts";
import type { RateLimitState } from "./rate-limit.ts";

/** What one request's resolvers share. */
export interface GqlContext {
  core: SandboxCore;
  access: Access;
  /** GitHub's points for this request (see query-cost.ts), shown by `rateLimit`. */
  cost: { cost: number; nodeCount: number };
  /** The token's GraphQL budget after this request. */
  rate: RateLimitState;
}

export function repoNotFound(owner: string, name: string): GqlError {
  return new GqlError(
    "NOT_FOUND",
    `Could not resolve to a Repository with the name '${owner}/${name}'.`,
  );
}

/** Throws NOT_FOUND when the caller cannot see the repository, FORBIDDEN when the token lacks the permission. */
export function requireRepo(
  ctx: GqlContext,
  repo: RepoRecord,
  permission: string | string[],
  level: "read" | "write" | "admin",
): void {
  if (!ctx.access.canSee(repo)) {
    const [owner = "", name = ""] = ctx.core.store.fullName(repo).split("/");
    throw repoNotFound(owner, name);
  }
  ctx.access.require(repo, permission, level);
}

function issuePermission(issue: IssueRecord): string {
  return issue.isPull ? "pull_requests" : "issues";
}

export function requireReadIssue(ctx: GqlContext, issue: IssueRecord): void {
  requireRepo(ctx, ctx.core.store.repoById(issue.repoId), issuePermission(issue), "read");
}

/** Whether the caller may read the issue; lists leave out what it may not. */
export function canReadIssue(ctx: GqlContext, issue: IssueRecord): boolean {
  const repo = ctx.core.store.repoById(issue.repoId);
  if (!ctx.access.canSee(repo)) return false;
  const level = ctx.access.levelOn(repo, issuePermission(issue));
  return level !== null;
}

/** Editing, closing, labelling: write access, or (user tokens) being the issue's author for title/body/state. */
export function requireEditIssue(
  ctx: GqlContext,
  issue: IssueRecord,
  authorMayDoIt: boolean,
): void {
  const own = ctx.access.token.kind === "user" && issue.userId === ctx.access.actor.accountId;
  const repo = ctx.core.store.repoById(issue.repoId);
  const perms = issue.isPull ? ["pull_requests", "issues"] : "issues";
  requireRepo(ctx, repo, perms, own && authorMayDoIt ? "read" : "write");
}
