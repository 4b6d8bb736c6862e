import type { Actor, SandboxCore } from "../core.ts";
import { checkBodyLength, GitHubError } from "../http/github-error.ts";
import type { ReviewRecord, ReviewState } from "../state/review-types.ts";
import type { IssueRecord, PullRecord } from "../state/types.ts";
import { anchorComment, reviewAnchorError, type AnchorRequest } from "./review-anchor.ts";
import { addReviewComment } from "./review-comment-record.ts";
import { emitReview, emitSubmitted } from "./review-events.ts";
import { followReviewComments } from "./review-follow.ts";

export type ReviewEvent = "APPROVE" | "REQUEST_CHANGES" | "COMMENT";

export interface DraftComment extends AnchorRequest {
  body: string;
}

export interface ReviewInput {
  /** Omitted: the review stays PENDING until submitted. */
  event?: ReviewEvent;
  body?: string;
  commitId?: string;
  comments?: DraftComment[];
}

const STATE_OF: Record<ReviewEvent, ReviewState> = {
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  COMMENT: "COMMENTED",
};

const unprocessable = (why: string) => new GitHubError(422, "Unprocessable Entity", [why]);

export function pullOfIssue(core: SandboxCore, issue: IssueRecord): PullRecord {
  const pr = core.store.pull(issue.id);
  if (!pr) throw new GitHubError(404, "Not Found");
  return pr;
}

/** A pull request's author may comment on it but not approve it or request changes on it. */
function checkVerdict(issue: IssueRecord, actor: Actor, event: ReviewEvent): void {
  if (issue.userId !== actor.accountId) return;
  if (event === "APPROVE") throw unprocessable("Can not approve your own pull request");
  if (event === "REQUEST_CHANGES")
    throw unprocessable("Can not request changes on your own pull request");
}

/** "Required when using REQUEST_CHANGES or COMMENT": a body, unless the review has comments. */
function checkSaysSomething(event: ReviewEvent, body: string, comments: number): void {
  if (event !== "APPROVE" && !body.trim() && comments === 0)
    throw unprocessable("You need to leave a comment indicating the requested changes.");
}

/** GitHub keeps one pending review per person and pull request, and refuses a second review meanwhile. */
export function checkNoPending(core: SandboxCore, issue: IssueRecord, actor: Actor): void {
  const pending = core.store.state.reviews.some(
    (r) => r.issueId === issue.id && r.userId === actor.accountId && r.state === "PENDING",
  );
  if (pending) throw unprocessable("User can only have one pending review per pull request");
}

export function newReview(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  fields: { state: ReviewState; body: string; commitId: string },
): ReviewRecord {
  const now = core.store.now();
  const review: ReviewRecord = {
    id: core.store.newId(),
    repoId: issue.repoId,
    issueId: issue.id,
    userId: actor.accountId,
    ...fields,
    submittedAt: fields.state === "PENDING" ? null : now,
    createdAt: now,
    updatedAt: now,
  };
  core.store.state.reviews.push(review);
  return review;
}

/** `POST …/pulls/{n}/reviews`: a submitted review (with its comments), or a pending one. */
export async function createReview(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  input: ReviewInput,
): Promise<ReviewRecord> {
  const pr = pullOfIssue(core, issue);
  const body = input.body ?? "";
  const comments = input.comments ?? [];
  checkBodyLength("PullRequestReview", body);
  if (input.event) {
    checkVerdict(issue, actor, input.event);
    checkSaysSomething(input.event, body, comments.length);
  }
  checkNoPending(core, issue, actor);
  const commitId = input.commitId ? await core.git.resolve(pr.repoId, input.commitId) : pr.headSha;
  if (!commitId) throw unprocessable("Commit could not be resolved");
  const anchored = [];
  for (const c of comments) {
    checkBodyLength("PullRequestReviewComment", c.body);
    const a = await anchorComment(core, pr, commitId, c);
    if (Array.isArray(a)) throw reviewAnchorError(a);
    anchored.push({ ...a, body: c.body, path: c.path });
  }
  const state = input.event ? STATE_OF[input.event] : "PENDING";
  const review = newReview(core, actor, issue, { state, body, commitId });
  for (const a of anchored) addReviewComment(core, actor, review, a, null);
  if (commitId !== pr.headSha) await followReviewComments(core, pr);
  if (review.state !== "PENDING") {
    issue.updatedAt = review.updatedAt;
    emitSubmitted(core, actor, review);
  }
  core.store.changed();
  return review;
}

/** `POST …/reviews/{id}/events`: submits one's own pending review. */
export function submitReview(
  core: SandboxCore,
  actor: Actor,
  review: ReviewRecord,
  event: ReviewEvent,
  body: string | undefined,
): ReviewRecord {
  const issue = core.store.issueById(review.issueId);
  if (!issue || review.userId !== actor.accountId) throw new GitHubError(404, "Not Found");
  if (review.state !== "PENDING") throw unprocessable("Can not submit a non-pending review");
  const text = body ?? review.body;
  checkBodyLength("PullRequestReview", text);
  checkVerdict(issue, actor, event);
  const comments = core.store.state.reviewComments.filter((c) => c.reviewId === review.id);
  checkSaysSomething(event, text, comments.length);
  const now = core.store.now();
  Object.assign(review, { state: STATE_OF[event], body: text, submittedAt: now, updatedAt: now });
  issue.updatedAt = now;
  emitSubmitted(core, actor, review);
  core.store.changed();
  return review;
}

/** `PUT …/reviews/{id}/dismissals`: only an approval or a request for changes can be dismissed. */
export function dismissReview(core: SandboxCore, actor: Actor, review: ReviewRecord): ReviewRecord {
  if (review.state !== "APPROVED" && review.state !== "CHANGES_REQUESTED")
    throw unprocessable(`Can not dismiss a ${review.state.toLowerCase()} pull request review`);
  review.state = "DISMISSED";
  review.updatedAt = core.store.now();
  emitReview(core, actor, review, "dismissed");
  core.store.changed();
  return review;
}

/** `PUT …/reviews/{id}`: a new summary; `edited` with the old body once the review is visible. */
export function updateReviewBody(
  core: SandboxCore,
  actor: Actor,
  review: ReviewRecord,
  body: string,
): ReviewRecord {
  checkBodyLength("PullRequestReview", body);
  if (body === review.body) return review;
  const from = review.body;
  review.body = body;
  review.updatedAt = core.store.now();
  if (review.state !== "PENDING")
    emitReview(core, actor, review, "edited", { changes: { body: { from } } });
  core.store.changed();
  return review;
}

/** `DELETE …/reviews/{id}`: a pending review goes, with its comments. */
export function deletePendingReview(core: SandboxCore, review: ReviewRecord): void {
  if (review.state !== "PENDING") throw unprocessable("Can not delete a non-pending review");
  const s = core.store.state;
  s.reviews = s.reviews.filter((r) => r.id !== review.id);
  s.reviewComments = s.reviewComments.filter((c) => c.reviewId !== review.id);
  core.store.changed();
}
