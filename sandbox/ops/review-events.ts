import type { Actor, SandboxCore } from "../core.ts";
import { renderPullSimple } from "../render/pull.ts";
import { renderReview, renderReviewComment } from "../render/review.ts";
import { nodeId } from "../state/node-id.ts";
import type { ReviewCommentRecord, ReviewRecord } from "../state/review-types.ts";
import { emitEvent } from "./emit.ts";
import { threadOf } from "./review-comment-record.ts";

function pullPayload(core: SandboxCore, issueId: number): Record<string, unknown> {
  const issue = core.store.issueById(issueId);
  if (!issue) throw new Error(`sandbox: no pull request ${issueId}`);
  return renderPullSimple(core, issue);
}

/** `pull_request_review` (submitted, edited, dismissed). */
export function emitReview(
  core: SandboxCore,
  actor: Actor,
  review: ReviewRecord,
  action: "submitted" | "edited" | "dismissed",
  extra: Record<string, unknown> = {},
): void {
  emitEvent(core, actor, "pull_request_review", action, review.repoId, {
    review: renderReview(core, review, "webhook"),
    pull_request: pullPayload(core, review.issueId),
    ...extra,
  });
}

/** `pull_request_review_comment` (created, edited, deleted). */
export function emitReviewComment(
  core: SandboxCore,
  actor: Actor,
  comment: ReviewCommentRecord,
  action: "created" | "edited" | "deleted",
  extra: Record<string, unknown> = {},
): void {
  emitEvent(core, actor, "pull_request_review_comment", action, comment.repoId, {
    comment: renderReviewComment(core, comment),
    pull_request: pullPayload(core, comment.issueId),
    ...extra,
  });
}

/** `pull_request_review_thread` (resolved, unresolved): the thread's node id and its comments. */
export function emitThread(
  core: SandboxCore,
  actor: Actor,
  root: ReviewCommentRecord,
  action: "resolved" | "unresolved",
): void {
  const comments = threadOf(core, root);
  emitEvent(core, actor, "pull_request_review_thread", action, root.repoId, {
    thread: {
      node_id: nodeId("PullRequestReviewThread", root.id),
      comments: comments.map((c) => renderReviewComment(core, c)),
    },
    pull_request: pullPayload(core, root.issueId),
  });
}

/** A review just submitted: each of its comments' `created`, then the review's `submitted`. */
export function emitSubmitted(core: SandboxCore, actor: Actor, review: ReviewRecord): void {
  for (const c of core.store.state.reviewComments.filter((x) => x.reviewId === review.id))
    emitReviewComment(core, actor, c, "created");
  emitReview(core, actor, review, "submitted");
}
