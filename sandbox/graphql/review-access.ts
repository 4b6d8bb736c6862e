import type { GqlContext } from "./context.ts";

/**
 * Who may resolve a review thread or mark a pull request ready ("if you opened the pull request
 * or if you have write access to the repository"): its author, or write access to pull requests.
 */
export function canEditPull(ctx: GqlContext, issueId: number): boolean {
  const issue = ctx.core.store.issueById(issueId);
  if (!issue) return false;
  if (ctx.access.token.kind === "user" && issue.userId === ctx.access.actor.accountId) return true;
  const level = ctx.access.levelOn(ctx.core.store.repoById(issue.repoId), "pull_requests");
  return level === "write" || level === "admin";
}
