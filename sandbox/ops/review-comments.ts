import type { Actor, SandboxCore } from "../core.ts";
import { checkBodyLength, GitHubError, validationFailed } from "../http/github-error.ts";
import type { ReviewCommentRecord } from "../state/review-types.ts";
import type { IssueRecord } from "../state/types.ts";
import { anchorComment, commentAnchorError, type AnchorRequest } from "./review-anchor.ts";
import { addReviewComment } from "./review-comment-record.ts";
import { emitReviewComment, emitSubmitted, emitThread } from "./review-events.ts";
import { followReviewComments } from "./review-follow.ts";
import { checkNoPending, newReview, pullOfIssue } from "./reviews.ts";

function checkBody(body: string): void {
  if (!body.trim()) throw validationFailed("PullRequestReviewComment", "body", "missing_field");
  checkBodyLength("PullRequestReviewComment", body);
}

/**
 * A comment outside a review (`POST …/pulls/{n}/comments`, or a reply): GitHub files it in a
 * review of its own, COMMENTED with an empty body, and sends both the comment's `created` and
 * the review's `submitted`.
 */
async function singleComment(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  commitId: string,
  place: Parameters<typeof addReviewComment>[3],
  replyTo: ReviewCommentRecord | null,
): Promise<ReviewCommentRecord> {
  checkNoPending(core, issue, actor);
  const review = newReview(core, actor, issue, { state: "COMMENTED", body: "", commitId });
  const c = addReviewComment(core, actor, review, place, replyTo);
  const pr = pullOfIssue(core, issue);
  if (!replyTo && commitId !== pr.headSha) await followReviewComments(core, pr);
  issue.updatedAt = c.createdAt;
  emitSubmitted(core, actor, review);
  core.store.changed();
  return c;
}

/** `POST …/pulls/{n}/comments` without `in_reply_to`: a comment on a line (or file) of the diff. */
export async function createReviewComment(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  input: AnchorRequest & { body: string; commitId: string },
): Promise<ReviewCommentRecord> {
  checkBody(input.body);
  const pr = pullOfIssue(core, issue);
  const commitId = await core.git.resolve(pr.repoId, input.commitId);
  if (!commitId) throw validationFailed("PullRequestReviewComment", "commit_id", "invalid");
  const a = await anchorComment(core, pr, commitId, input);
  if (Array.isArray(a)) throw commentAnchorError(a);
  return singleComment(
    core,
    actor,
    issue,
    commitId,
    { ...a, path: input.path, body: input.body },
    null,
  );
}

/** A reply in the thread of `to` (`in_reply_to`, or `…/comments/{id}/replies`). */
export async function replyToComment(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  to: ReviewCommentRecord,
  body: string,
): Promise<ReviewCommentRecord> {
  checkBody(body);
  if (to.issueId !== issue.id) throw new GitHubError(404, "Not Found");
  return singleComment(core, actor, issue, pullOfIssue(core, issue).headSha, { body }, to);
}

/** A reply added to one's own pending review (GraphQL's `pullRequestReviewId`): sent when it is submitted. */
export function replyInPendingReview(
  core: SandboxCore,
  actor: Actor,
  reviewId: number,
  to: ReviewCommentRecord,
  body: string,
): ReviewCommentRecord {
  checkBody(body);
  const review = core.store.state.reviews.find((r) => r.id === reviewId);
  if (!review || review.userId !== actor.accountId || review.issueId !== to.issueId)
    throw new GitHubError(404, "Not Found");
  if (review.state !== "PENDING")
    throw new GitHubError(422, "Unprocessable Entity", ["The review is not pending"]);
  const c = addReviewComment(core, actor, review, { body }, to);
  core.store.changed();
  return c;
}

/** Whether a comment is visible to `viewerId`: pending ones only to their author. */
export function commentVisible(
  core: SandboxCore,
  c: ReviewCommentRecord,
  viewerId: number,
): boolean {
  if (c.userId === viewerId) return true;
  return core.store.state.reviews.find((r) => r.id === c.reviewId)?.state !== "PENDING";
}

export function updateReviewComment(
  core: SandboxCore,
  actor: Actor,
  c: ReviewCommentRecord,
  body: string,
): ReviewCommentRecord {
  checkBody(body);
  if (body === c.body) return c;
  const from = c.body;
  c.body = body;
  c.updatedAt = core.store.now();
  if (commentVisible(core, c, -1))
    emitReviewComment(core, actor, c, "edited", { changes: { body: { from } } });
  core.store.changed();
  return c;
}

export function deleteReviewComment(core: SandboxCore, actor: Actor, c: ReviewCommentRecord): void {
  const visible = commentVisible(core, c, -1);
  if (visible) emitReviewComment(core, actor, c, "deleted");
  const s = core.store.state;
  s.reviewComments = s.reviewComments.filter((x) => x.id !== c.id);
  // The thread outlives its first comment: the oldest reply becomes the one the others answer.
  const replies = s.reviewComments.filter((x) => x.inReplyToId === c.id);
  const [next, ...rest] = replies;
  if (next) {
    Object.assign(next, { inReplyToId: null, resolvedById: c.resolvedById });
    for (const r of rest) r.inReplyToId = next.id;
  }
  core.store.changed();
}

/** Resolves or unresolves the thread whose first comment is `root`. */
export function setThreadResolved(
  core: SandboxCore,
  actor: Actor,
  root: ReviewCommentRecord,
  resolved: boolean,
): void {
  if ((root.resolvedById !== null) === resolved) return;
  root.resolvedById = resolved ? actor.accountId : null;
  emitThread(core, actor, root, resolved ? "resolved" : "unresolved");
  core.store.changed();
}
