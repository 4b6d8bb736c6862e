import { authorAssociation } from "../../render/issue.ts";
import { renderComment } from "../../render/comment.ts";
import { nodeId } from "../../state/node-id.ts";
import { accountObj, issueLikeObj, repoObj, type CommentObj } from "../objects.ts";
import { defineType } from "../registry.ts";

export const issueCommentType = defineType<CommentObj>("IssueComment", {
  id: (s) => nodeId("IssueComment", s.record.id),
  databaseId: (s) => s.record.id,
  fullDatabaseId: (s) => String(s.record.id),
  body: (s) => s.record.body,
  createdAt: (s) => s.record.createdAt,
  updatedAt: (s) => s.record.updatedAt,
  publishedAt: (s) => s.record.createdAt,
  author: (s, _a, ctx) => accountObj(ctx.core.store.accountById(s.record.userId)),
  authorAssociation: (s, _a, ctx) => authorAssociation(ctx.core, s.record.userId, s.record.repoId),
  viewerDidAuthor: (s, _a, ctx) => s.record.userId === ctx.access.actor.accountId,
  url: (s, _a, ctx) => String(renderComment(ctx.core, s.record).html_url),
  repository: (s, _a, ctx) => repoObj(ctx.core.store.repoById(s.record.repoId)),
  issue: (s, _a, ctx) => {
    const issue = ctx.core.store.issueById(s.record.issueId);
    return issue ? { __typename: "Issue", record: issue } : null;
  },
  pullRequest: (s, _a, ctx) => {
    const issue = ctx.core.store.issueById(s.record.issueId);
    return issue?.isPull ? issueLikeObj(ctx.core, issue) : null;
  },
});
