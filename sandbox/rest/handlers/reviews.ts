import {
  createReview,
  deletePendingReview,
  dismissReview,
  submitReview,
  updateReviewBody,
  type DraftComment,
} from "../../ops/reviews.ts";
import { renderReview, renderReviewComment } from "../../render/review.ts";
import { paginate } from "../lookup.ts";
import { pullRequestOf, requireOwnerOrWriter, requireWriter, reviewOf } from "../review-lookup.ts";
import { ok, type HandlerTable } from "../types.ts";

interface CommentBody {
  path: string;
  body: string;
  position?: number;
  line?: number;
  side?: "LEFT" | "RIGHT";
  start_line?: number;
  start_side?: "LEFT" | "RIGHT";
}

function draftComment(c: CommentBody): DraftComment {
  return {
    path: c.path,
    body: c.body,
    position: c.position,
    line: c.line,
    side: c.side,
    startLine: c.start_line,
    startSide: c.start_side,
  };
}

/** Pull request reviews (REST "Pull request reviews"). */
export const reviewHandlers: HandlerTable = {
  "pulls/create-review": async (req) => {
    const { repo, issue } = pullRequestOf(req);
    req.access.requireParticipate(repo, "pull_requests");
    const b = req.body as {
      event?: "APPROVE" | "REQUEST_CHANGES" | "COMMENT";
      body?: string;
      commit_id?: string;
      comments?: CommentBody[];
    };
    const review = await createReview(req.core, req.access.actor, issue, {
      event: b.event,
      body: b.body,
      commitId: b.commit_id,
      comments: (b.comments ?? []).map(draftComment),
    });
    return ok(renderReview(req.core, review));
  },
  "pulls/list-reviews": (req) => {
    const { issue } = pullRequestOf(req);
    const me = req.access.actor.accountId;
    const all = req.core.store.state.reviews.filter(
      (r) => r.issueId === issue.id && (r.state !== "PENDING" || r.userId === me),
    );
    const { page, headers } = paginate(req, all);
    return { status: 200, headers, body: page.map((r) => renderReview(req.core, r)) };
  },
  "pulls/get-review": (req) => {
    const { issue } = pullRequestOf(req);
    return ok(renderReview(req.core, reviewOf(req, issue)));
  },
  "pulls/update-review": (req) => {
    const { repo, issue } = pullRequestOf(req);
    const review = reviewOf(req, issue);
    requireOwnerOrWriter(req, repo, review.userId);
    updateReviewBody(req.core, req.access.actor, review, String(req.body.body));
    return ok(renderReview(req.core, review));
  },
  "pulls/delete-pending-review": (req) => {
    const { repo, issue } = pullRequestOf(req);
    const review = reviewOf(req, issue);
    req.access.requireParticipate(repo, "pull_requests");
    const rendered = renderReview(req.core, review);
    deletePendingReview(req.core, review);
    return ok(rendered);
  },
  "pulls/list-comments-for-review": (req) => {
    const { issue } = pullRequestOf(req);
    const review = reviewOf(req, issue);
    const all = req.core.store.state.reviewComments.filter((c) => c.reviewId === review.id);
    const { page, headers } = paginate(req, all);
    return { status: 200, headers, body: page.map((c) => renderReviewComment(req.core, c)) };
  },
  "pulls/submit-review": (req) => {
    const { repo, issue } = pullRequestOf(req);
    req.access.requireParticipate(repo, "pull_requests");
    const review = reviewOf(req, issue);
    submitReview(req.core, req.access.actor, review, req.body.event, req.body.body);
    return ok(renderReview(req.core, review));
  },
  "pulls/dismiss-review": (req) => {
    const { repo, issue } = pullRequestOf(req);
    const review = reviewOf(req, issue);
    requireWriter(req, repo);
    dismissReview(req.core, req.access.actor, review);
    return ok(renderReview(req.core, review));
  },
};
