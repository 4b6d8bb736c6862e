import { GitHubError, notFound } from "../http/github-error.ts";
import { commentVisible } from "../ops/review-comments.ts";
import type { ReviewCommentRecord, ReviewRecord } from "../state/review-types.ts";
import type { IssueRecord, RepoRecord } from "../state/types.ts";
import { repoOf } from "./lookup.ts";
import type { RestRequest } from "./types.ts";

/** The pull request {pull_number}, readable by the caller. */
export function pullRequestOf(req: RestRequest): { repo: RepoRecord; issue: IssueRecord } {
  const repo = repoOf(req);
  req.access.require(repo, "pull_requests", "read");
  const issue = req.core.store.issue(repo.id, Number(req.params.pull_number));
  if (!issue?.isPull) throw notFound();
  return { repo, issue };
}

/** Review {review_id} of the pull request; someone else's pending review is invisible (404). */
export function reviewOf(req: RestRequest, issue: IssueRecord): ReviewRecord {
  const review = req.core.store.state.reviews.find(
    (r) => r.id === Number(req.params.review_id) && r.issueId === issue.id,
  );
  if (!review) throw notFound();
  if (review.state === "PENDING" && review.userId !== req.access.actor.accountId) throw notFound();
  return review;
}

/** Review comment {comment_id} of the repository, if visible to the caller. */
export function reviewCommentOf(req: RestRequest, repo: RepoRecord): ReviewCommentRecord {
  const c = req.core.store.state.reviewComments.find(
    (x) => x.id === Number(req.params.comment_id) && x.repoId === repo.id,
  );
  if (!c || !commentVisible(req.core, c, req.access.actor.accountId)) throw notFound();
  return c;
}

/**
 * Write access as the repository roles table grants it: a person needs write, maintain or admin
 * (triage does not dismiss reviews or edit others' comments); an App needs `pull_requests: write`.
 */
export function requireWriter(req: RestRequest, repo: RepoRecord): void {
  req.access.require(repo, "pull_requests", "write");
  if (req.access.token.kind !== "user") return;
  const role = req.core.store.roleOf(req.access.actor.accountId, repo);
  if (role === "write" || role === "maintain" || role === "admin") return;
  throw new GitHubError(403, "Must have push access to repository.");
}

/** One's own content needs what taking part needs; someone else's needs write access. */
export function requireOwnerOrWriter(req: RestRequest, repo: RepoRecord, userId: number): void {
  if (userId === req.access.actor.accountId) req.access.requireParticipate(repo, "pull_requests");
  else requireWriter(req, repo);
}
