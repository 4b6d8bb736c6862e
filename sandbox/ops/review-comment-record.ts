import type { Actor, SandboxCore } from "../core.ts";
import type { ReviewCommentRecord, ReviewRecord } from "../state/review-types.ts";
import type { Anchored } from "./review-anchor.ts";

/** A new comment's content: where it sits (a fresh anchor, or the thread it answers) and its text. */
export type CommentPlace = (Anchored & { path: string; body: string }) | { body: string };

/**
 * Adds a comment to a review. A reply takes its place from the thread's first comment (GitHub
 * points `in_reply_to_id` of a reply to a reply at that first comment as well).
 */
export function addReviewComment(
  core: SandboxCore,
  actor: Actor,
  review: ReviewRecord,
  place: CommentPlace,
  replyTo: ReviewCommentRecord | null,
): ReviewCommentRecord {
  const now = core.store.now();
  const root = replyTo
    ? (core.store.state.reviewComments.find((c) => c.id === replyTo.inReplyToId) ?? replyTo)
    : null;
  const common = {
    id: core.store.newId(),
    repoId: review.repoId,
    issueId: review.issueId,
    reviewId: review.id,
    userId: actor.accountId,
    body: place.body,
    resolvedById: null,
    createdAt: now,
    updatedAt: now,
  };
  let c: ReviewCommentRecord;
  if (root) {
    c = {
      ...common,
      path: root.path,
      anchor: structuredClone(root.anchor),
      original: structuredClone(root.original),
      commitId: root.commitId,
      originalCommitId: root.originalCommitId,
      baseCommitId: root.baseCommitId,
      outdated: root.outdated,
      inReplyToId: root.id,
    };
  } else if ("anchor" in place) {
    const a = place.anchor;
    c = {
      ...common,
      path: place.path,
      anchor: structuredClone(a),
      original: { line: a.line, startLine: a.startLine, position: a.position },
      commitId: review.commitId,
      originalCommitId: review.commitId,
      baseCommitId: place.baseCommitId,
      outdated: false,
      inReplyToId: null,
    };
  } else {
    throw new Error("sandbox: a review comment needs a place in the diff or a thread");
  }
  core.store.state.reviewComments.push(c);
  return c;
}

/** The comments of a thread, first comment first. */
export function threadOf(core: SandboxCore, root: ReviewCommentRecord): ReviewCommentRecord[] {
  return core.store.state.reviewComments.filter(
    (c) => c.id === root.id || c.inReplyToId === root.id,
  );
}
