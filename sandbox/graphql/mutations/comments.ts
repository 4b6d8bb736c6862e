import { createComment, updateComment } from "../../ops/comments.ts";
import { encodeCursor, edgeObj } from "../connection.ts";
import { requireRepo } from "../context.ts";
import { commentByNodeId, issueByNodeId } from "../lookup.ts";
import { commentObj, issueLikeObj } from "../objects.ts";
import { payloadType } from "../registry.ts";
import { payload, type MutationMap } from "./mutation-type.ts";

export const commentMutations: MutationMap = {
  addComment: (ctx, fields) => {
    const issue = issueByNodeId(ctx, String(fields.subjectId), true);
    const repo = ctx.core.store.repoById(issue.repoId);
    const perms = issue.isPull ? ["issues", "pull_requests"] : "issues";
    requireRepo(ctx, repo, perms, ctx.access.token.kind === "user" ? "read" : "write");
    const comment = createComment(ctx.core, ctx.access.actor, issue, String(fields.body ?? ""));
    const index = ctx.core.store.state.comments.filter((c) => c.issueId === issue.id).length - 1;
    return payload(fields, {
      commentEdge: edgeObj(commentObj(comment), encodeCursor(index)),
      subject: issueLikeObj(ctx.core, issue),
    });
  },
  /** The comment's author may edit it with read access; others need write. */
  updateIssueComment: (ctx, fields) => {
    const comment = commentByNodeId(ctx, String(fields.id));
    const repo = ctx.core.store.repoById(comment.repoId);
    const issue = ctx.core.store.issueById(comment.issueId);
    const perms = issue?.isPull ? ["issues", "pull_requests"] : "issues";
    const own = ctx.access.token.kind === "user" && comment.userId === ctx.access.actor.accountId;
    requireRepo(ctx, repo, perms, own ? "read" : "write");
    updateComment(ctx.core, ctx.access.actor, comment, String(fields.body ?? ""));
    return payload(fields, { issueComment: commentObj(comment) });
  },
};

export const commentPayloadTypes = [
  payloadType("AddCommentPayload", ["commentEdge", "subject"]),
  payloadType("UpdateIssueCommentPayload", ["issueComment"]),
];
