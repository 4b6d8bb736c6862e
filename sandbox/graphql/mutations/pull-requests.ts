import { setDraft } from "../../ops/draft.ts";
import {
  replyInPendingReview,
  replyToComment,
  setThreadResolved,
} from "../../ops/review-comments.ts";
import { parseNodeId } from "../../state/node-id.ts";
import type { IssueRecord } from "../../state/types.ts";
import { requireEditIssue, requireRepo, type GqlContext } from "../context.ts";
import { nodeNotFound } from "../errors.ts";
import { issueByNodeId } from "../lookup.ts";
import { issueLikeObj } from "../objects.ts";
import { payloadType } from "../registry.ts";
import { reviewCommentObj, reviewNodeById, threadObj, type ThreadObj } from "../review-objects.ts";
import { payload, type MutationMap } from "./mutation-type.ts";

function pullByNodeId(ctx: GqlContext, id: string): IssueRecord {
  const issue = issueByNodeId(ctx, id, true);
  if (!issue.isPull) throw nodeNotFound(id);
  return issue;
}

function threadByNodeId(ctx: GqlContext, id: string): ThreadObj {
  if (parseNodeId(id)?.kind !== "PullRequestReviewThread") throw nodeNotFound(id);
  return reviewNodeById(ctx, id) as ThreadObj;
}

/** "Write access … or the author": marking ready, converting to draft, resolving threads. */
function draft(ctx: GqlContext, fields: Record<string, unknown>, value: boolean) {
  const issue = pullByNodeId(ctx, String(fields.pullRequestId));
  requireEditIssue(ctx, issue, true);
  setDraft(ctx.core, ctx.access.actor, issue, value);
  return payload(fields, { pullRequest: issueLikeObj(ctx.core, issue) });
}

function resolve(ctx: GqlContext, fields: Record<string, unknown>, value: boolean) {
  const thread = threadByNodeId(ctx, String(fields.threadId));
  const issue = ctx.core.store.issueById(thread.root.issueId);
  if (!issue) throw nodeNotFound(String(fields.threadId));
  requireEditIssue(ctx, issue, true);
  setThreadResolved(ctx.core, ctx.access.actor, thread.root, value);
  return payload(fields, { thread: threadObj(thread.root) });
}

export const pullRequestMutations: MutationMap = {
  markPullRequestReadyForReview: (ctx, fields) => draft(ctx, fields, false),
  convertPullRequestToDraft: (ctx, fields) => draft(ctx, fields, true),
  resolveReviewThread: (ctx, fields) => resolve(ctx, fields, true),
  unresolveReviewThread: (ctx, fields) => resolve(ctx, fields, false),
  /** A reply on its own (a COMMENTED review of its own), or inside one's pending review. */
  addPullRequestReviewThreadReply: async (ctx, fields) => {
    const thread = threadByNodeId(ctx, String(fields.pullRequestReviewThreadId));
    const issue = ctx.core.store.issueById(thread.root.issueId);
    if (!issue) throw nodeNotFound(String(fields.pullRequestReviewThreadId));
    const repo = ctx.core.store.repoById(issue.repoId);
    requireRepo(ctx, repo, "pull_requests", ctx.access.token.kind === "user" ? "read" : "write");
    const body = String(fields.body ?? "");
    const reviewId = fields.pullRequestReviewId;
    const comment =
      reviewId != null
        ? replyInPendingReview(
            ctx.core,
            ctx.access.actor,
            Number(parseNodeId(String(reviewId))?.id),
            thread.root,
            body,
          )
        : await replyToComment(ctx.core, ctx.access.actor, issue, thread.root, body);
    return payload(fields, { comment: reviewCommentObj(comment) });
  },
};

export const pullRequestPayloadTypes = [
  payloadType("MarkPullRequestReadyForReviewPayload", ["pullRequest"]),
  payloadType("ConvertPullRequestToDraftPayload", ["pullRequest"]),
  payloadType("ResolveReviewThreadPayload", ["thread"]),
  payloadType("UnresolveReviewThreadPayload", ["thread"]),
  payloadType("AddPullRequestReviewThreadReplyPayload", ["comment"]),
];
