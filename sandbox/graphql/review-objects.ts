import type { SandboxCore } from "../core.ts";
import { commentVisible } from "../ops/review-comments.ts";
import { parseNodeId } from "../state/node-id.ts";
import type { ReviewCommentRecord, ReviewRecord } from "../state/review-types.ts";
import { requireReadIssue, type GqlContext } from "./context.ts";
import { nodeNotFound } from "./errors.ts";

/** What the review resolvers pass around (see objects.ts for the others). */
export interface ReviewObj {
  __typename: "PullRequestReview";
  record: ReviewRecord;
}
export interface ReviewCommentObj {
  __typename: "PullRequestReviewComment";
  record: ReviewCommentRecord;
}
/** A thread is its first comment and the replies pointing at it. */
export interface ThreadObj {
  __typename: "PullRequestReviewThread";
  root: ReviewCommentRecord;
}

export const reviewObj = (record: ReviewRecord): ReviewObj => ({
  __typename: "PullRequestReview",
  record,
});
export const reviewCommentObj = (record: ReviewCommentRecord): ReviewCommentObj => ({
  __typename: "PullRequestReviewComment",
  record,
});
export const threadObj = (root: ReviewCommentRecord): ThreadObj => ({
  __typename: "PullRequestReviewThread",
  root,
});

/** Reviews of a pull request the viewer may see (a pending review only by its author), oldest first. */
export function visibleReviews(core: SandboxCore, issueId: number, viewerId: number) {
  return core.store.state.reviews.filter(
    (r) => r.issueId === issueId && (r.state !== "PENDING" || r.userId === viewerId),
  );
}

export function visibleComments(
  core: SandboxCore,
  viewerId: number,
  keep: (c: ReviewCommentRecord) => boolean,
): ReviewCommentRecord[] {
  return core.store.state.reviewComments.filter(
    (c) => keep(c) && commentVisible(core, c, viewerId),
  );
}

/** A review, review comment or thread by global id, checked like its pull request; NOT_FOUND otherwise. */
export function reviewNodeById(
  ctx: GqlContext,
  id: string,
): ReviewObj | ReviewCommentObj | ThreadObj {
  const parsed = parseNodeId(id);
  const n = Number(parsed?.id);
  const { store } = ctx.core;
  const me = ctx.access.actor.accountId;
  let found: { obj: ReviewObj | ReviewCommentObj | ThreadObj; issueId: number } | null = null;
  if (parsed?.kind === "PullRequestReview") {
    const r = store.state.reviews.find((x) => x.id === n);
    if (r && (r.state !== "PENDING" || r.userId === me))
      found = { obj: reviewObj(r), issueId: r.issueId };
  } else if (
    parsed?.kind === "PullRequestReviewComment" ||
    parsed?.kind === "PullRequestReviewThread"
  ) {
    const c = store.state.reviewComments.find((x) => x.id === n);
    const thread = parsed.kind === "PullRequestReviewThread";
    if (c && commentVisible(ctx.core, c, me) && (!thread || c.inReplyToId === null))
      found = { obj: thread ? threadObj(c) : reviewCommentObj(c), issueId: c.issueId };
  }
  const issue = found ? store.issueById(found.issueId) : undefined;
  if (!found || !issue || !ctx.access.canSee(store.repoById(issue.repoId))) throw nodeNotFound(id);
  requireReadIssue(ctx, issue);
  return found.obj;
}
