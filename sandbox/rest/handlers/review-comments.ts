import { notFound } from "../../http/github-error.ts";
import {
  commentVisible,
  createReviewComment,
  deleteReviewComment,
  replyToComment,
  updateReviewComment,
} from "../../ops/review-comments.ts";
import { renderReviewComment } from "../../render/review.ts";
import type { ReviewCommentRecord } from "../../state/review-types.ts";
import type { IssueRecord } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { pullRequestOf, requireOwnerOrWriter, reviewCommentOf } from "../review-lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";

/** `sort` (created, updated), `direction` (only with `sort`) and `since`, as the list endpoints take them. */
function listed(req: RestRequest, all: ReviewCommentRecord[]) {
  const me = req.access.actor.accountId;
  const q = req.query;
  let list = all.filter((c) => commentVisible(req.core, c, me));
  if (q.since) list = list.filter((c) => c.updatedAt >= String(q.since));
  if (q.sort) {
    const key = q.sort === "updated" ? "updatedAt" : "createdAt";
    const sign = q.direction === "desc" ? -1 : 1;
    list = [...list].sort((a, b) => sign * (a[key].localeCompare(b[key]) || a.id - b.id));
  }
  const { page, headers } = paginate(req, list);
  return { status: 200, headers, body: page.map((c) => renderReviewComment(req.core, c)) };
}

function threadTarget(req: RestRequest, issue: IssueRecord, id: number): ReviewCommentRecord {
  const to = req.core.store.state.reviewComments.find((c) => c.id === id && c.issueId === issue.id);
  if (!to || !commentVisible(req.core, to, req.access.actor.accountId)) throw notFound();
  return to;
}

/** Pull request review comments (REST "Pull request review comments"). */
export const reviewCommentHandlers: HandlerTable = {
  "pulls/list-review-comments": (req) => {
    const { issue } = pullRequestOf(req);
    return listed(
      req,
      req.core.store.state.reviewComments.filter((c) => c.issueId === issue.id),
    );
  },
  "pulls/list-review-comments-for-repo": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "pull_requests", "read");
    return listed(
      req,
      req.core.store.state.reviewComments.filter((c) => c.repoId === repo.id),
    );
  },
  "pulls/create-review-comment": async (req) => {
    const { repo, issue } = pullRequestOf(req);
    req.access.requireParticipate(repo, "pull_requests");
    const b = req.body;
    const body = String(b.body ?? "");
    // "When specified, all parameters other than body in the request body are ignored."
    const c =
      b.in_reply_to !== undefined
        ? await replyToComment(
            req.core,
            req.access.actor,
            issue,
            threadTarget(req, issue, Number(b.in_reply_to)),
            body,
          )
        : await createReviewComment(req.core, req.access.actor, issue, {
            body,
            commitId: String(b.commit_id),
            path: String(b.path),
            position: b.position,
            line: b.line,
            side: b.side,
            startLine: b.start_line,
            startSide: b.start_side === "side" ? b.side : b.start_side,
            subjectType: b.subject_type,
          });
    return ok(renderReviewComment(req.core, c), 201);
  },
  "pulls/create-reply-for-review-comment": async (req) => {
    const { repo, issue } = pullRequestOf(req);
    req.access.requireParticipate(repo, "pull_requests");
    const to = threadTarget(req, issue, Number(req.params.comment_id));
    const c = await replyToComment(req.core, req.access.actor, issue, to, String(req.body.body));
    return ok(renderReviewComment(req.core, c), 201);
  },
  "pulls/get-review-comment": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "pull_requests", "read");
    return ok(renderReviewComment(req.core, reviewCommentOf(req, repo)));
  },
  "pulls/update-review-comment": (req) => {
    const repo = repoOf(req);
    const c = reviewCommentOf(req, repo);
    requireOwnerOrWriter(req, repo, c.userId);
    updateReviewComment(req.core, req.access.actor, c, String(req.body.body));
    return ok(renderReviewComment(req.core, c));
  },
  "pulls/delete-review-comment": (req) => {
    const repo = repoOf(req);
    const c = reviewCommentOf(req, repo);
    requireOwnerOrWriter(req, repo, c.userId);
    deleteReviewComment(req.core, req.access.actor, c);
    return noContent();
  },
};
