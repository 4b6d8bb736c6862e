import { nodeId } from "../../state/node-id.ts";
import { onlyArgs } from "../args.ts";
import { paginate } from "../connection.ts";
import { canEditPull } from "../review-access.ts";
import { issueLikeObj, repoObj, userObj } from "../objects.ts";
import { defineType } from "../registry.ts";
import { reviewCommentObj, visibleComments, type ThreadObj } from "../review-objects.ts";

const PAGE = ["first", "last", "after", "before"];

/** A review thread: where its first comment sits, whether it is resolved or outdated, its comments. */
export const pullRequestReviewThreadType = defineType<ThreadObj>("PullRequestReviewThread", {
  id: (s) => nodeId("PullRequestReviewThread", s.root.id),
  path: (s) => s.root.path,
  line: (s) => (s.root.outdated ? null : s.root.anchor.line),
  startLine: (s) => (s.root.outdated ? null : s.root.anchor.startLine),
  originalLine: (s) => s.root.original.line,
  originalStartLine: (s) => s.root.original.startLine,
  diffSide: (s) => s.root.anchor.side,
  startDiffSide: (s) => (s.root.anchor.startLine === null ? null : s.root.anchor.startSide),
  subjectType: (s) => s.root.anchor.subjectType.toUpperCase(),
  isOutdated: (s) => s.root.outdated,
  isResolved: (s) => s.root.resolvedById !== null,
  isCollapsed: (s) => s.root.resolvedById !== null,
  resolvedBy: (s, _a, ctx) =>
    s.root.resolvedById === null ? null : userObj(ctx.core.store.accountById(s.root.resolvedById)),
  viewerCanResolve: (s, _a, ctx) =>
    s.root.resolvedById === null && canEditPull(ctx, s.root.issueId),
  viewerCanUnresolve: (s, _a, ctx) =>
    s.root.resolvedById !== null && canEditPull(ctx, s.root.issueId),
  viewerCanReply: (s, _a, ctx) => {
    const repo = ctx.core.store.repoById(s.root.repoId);
    const level = ctx.access.levelOn(repo, "pull_requests");
    return ctx.access.token.kind === "user"
      ? level !== null
      : level === "write" || level === "admin";
  },
  repository: (s, _a, ctx) => repoObj(ctx.core.store.repoById(s.root.repoId)),
  pullRequest: (s, _a, ctx) => {
    const issue = ctx.core.store.issueById(s.root.issueId);
    return issue ? issueLikeObj(ctx.core, issue) : null;
  },
  comments: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const me = ctx.access.actor.accountId;
    const list = visibleComments(
      ctx.core,
      me,
      (c) => c.id === s.root.id || c.inReplyToId === s.root.id,
    );
    return paginate(list, args, info, reviewCommentObj);
  },
});
