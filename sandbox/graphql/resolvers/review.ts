import { authorAssociation } from "../../render/issue.ts";
import { renderReview, renderReviewComment } from "../../render/review.ts";
import { nodeId } from "../../state/node-id.ts";
import { onlyArgs } from "../args.ts";
import { paginate } from "../connection.ts";
import { accountObj, commitObj, issueLikeObj, repoObj } from "../objects.ts";
import { defineType, type Resolver } from "../registry.ts";
import {
  reviewCommentObj,
  reviewObj,
  visibleComments,
  type ReviewCommentObj,
  type ReviewObj,
} from "../review-objects.ts";

const PAGE = ["first", "last", "after", "before"];

type Authored = ReviewObj | ReviewCommentObj;

/** What reviews and review comments share (Comment, Node, RepositoryNode, UniformResourceLocatable). */
function authoredFields(kind: "PullRequestReview" | "PullRequestReviewComment") {
  const fields: Record<string, Resolver<Authored>> = {
    id: (s) => nodeId(kind, s.record.id),
    databaseId: (s) => s.record.id,
    fullDatabaseId: (s) => String(s.record.id),
    body: (s) => s.record.body,
    bodyText: (s) => s.record.body,
    createdAt: (s) => s.record.createdAt,
    updatedAt: (s) => s.record.updatedAt,
    author: (s, _a, ctx) => accountObj(ctx.core.store.accountById(s.record.userId)),
    authorAssociation: (s, _a, ctx) =>
      authorAssociation(ctx.core, s.record.userId, s.record.repoId),
    viewerDidAuthor: (s, _a, ctx) => s.record.userId === ctx.access.actor.accountId,
    repository: (s, _a, ctx) => repoObj(ctx.core.store.repoById(s.record.repoId)),
    pullRequest: (s, _a, ctx) => {
      const issue = ctx.core.store.issueById(s.record.issueId);
      return issue ? issueLikeObj(ctx.core, issue) : null;
    },
  };
  return fields;
}

function urlOf(s: Authored, core: Parameters<typeof renderReview>[0]): string {
  return String(
    s.__typename === "PullRequestReview"
      ? renderReview(core, s.record).html_url
      : renderReviewComment(core, s.record).html_url,
  );
}

export const pullRequestReviewType = defineType<ReviewObj>("PullRequestReview", {
  ...authoredFields("PullRequestReview"),
  state: (s) => s.record.state,
  submittedAt: (s) => s.record.submittedAt,
  publishedAt: (s) => s.record.submittedAt,
  url: (s, _a, ctx) => urlOf(s, ctx.core),
  resourcePath: (s, _a, ctx) => new URL(urlOf(s, ctx.core)).pathname,
  commit: (s, _a, ctx) => commitObj(ctx.core.store.repoById(s.record.repoId), s.record.commitId),
  comments: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const me = ctx.access.actor.accountId;
    const list = visibleComments(ctx.core, me, (c) => c.reviewId === s.record.id);
    return paginate(list, args, info, reviewCommentObj);
  },
});

export const pullRequestReviewCommentType = defineType<ReviewCommentObj>(
  "PullRequestReviewComment",
  {
    ...authoredFields("PullRequestReviewComment"),
    path: (s) => s.record.path,
    diffHunk: (s) => s.record.anchor.diffHunk,
    line: (s) => (s.record.outdated ? null : s.record.anchor.line),
    startLine: (s) => (s.record.outdated ? null : s.record.anchor.startLine),
    originalLine: (s) => s.record.original.line,
    originalStartLine: (s) => s.record.original.startLine,
    position: (s) => (s.record.outdated ? null : s.record.anchor.position),
    originalPosition: (s) => s.record.original.position ?? 1,
    outdated: (s) => s.record.outdated,
    subjectType: (s) => s.record.anchor.subjectType.toUpperCase(),
    publishedAt: (s, _a, ctx) =>
      ctx.core.store.state.reviews.find((r) => r.id === s.record.reviewId)?.submittedAt ?? null,
    state: (s, _a, ctx) =>
      ctx.core.store.state.reviews.find((r) => r.id === s.record.reviewId)?.state === "PENDING"
        ? "PENDING"
        : "SUBMITTED",
    url: (s, _a, ctx) => urlOf(s, ctx.core),
    resourcePath: (s, _a, ctx) => new URL(urlOf(s, ctx.core)).pathname,
    commit: (s, _a, ctx) => commitObj(ctx.core.store.repoById(s.record.repoId), s.record.commitId),
    originalCommit: (s, _a, ctx) =>
      commitObj(ctx.core.store.repoById(s.record.repoId), s.record.originalCommitId),
    replyTo: (s, _a, ctx) => {
      const to = ctx.core.store.state.reviewComments.find((c) => c.id === s.record.inReplyToId);
      return to ? reviewCommentObj(to) : null;
    },
    pullRequestReview: (s, _a, ctx) => {
      const r = ctx.core.store.state.reviews.find((x) => x.id === s.record.reviewId);
      return r ? reviewObj(r) : null;
    },
  },
);
