import { notFound } from "../../http/github-error.ts";
import { createComment, deleteComment, updateComment } from "../../ops/comments.ts";
import { renderComment } from "../../render/comment.ts";
import type { CommentRecord } from "../../state/types.ts";
import { issueOf, issuePermissions, paginate, repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";

function commentOf(req: RestRequest): { comment: CommentRecord; perms: string[] } {
  const repo = repoOf(req);
  const comment = req.core.store.state.comments.find(
    (c) => c.id === Number(req.params.comment_id) && c.repoId === repo.id,
  );
  if (!comment) throw notFound();
  const issue = req.core.store.issueById(comment.issueId);
  return { comment, perms: issue ? issuePermissions(issue) : ["issues"] };
}

export const commentHandlers: HandlerTable = {
  "issues/create-comment": (req) => {
    const repo = repoOf(req);
    const issue = issueOf(req, repo);
    req.access.requireParticipate(repo, issuePermissions(issue));
    const c = createComment(req.core, req.access.actor, issue, String(req.body.body ?? ""));
    return ok(renderComment(req.core, c), 201);
  },
  "issues/list-comments": (req) => {
    const repo = repoOf(req);
    const issue = issueOf(req, repo);
    req.access.require(repo, issuePermissions(issue), "read");
    const all = req.core.store.state.comments.filter(
      (c) => c.issueId === issue.id && (!req.query.since || c.updatedAt >= String(req.query.since)),
    );
    const { page, headers } = paginate(req, all);
    return { status: 200, body: page.map((c) => renderComment(req.core, c)), headers };
  },
  "issues/get-comment": (req) => {
    const { comment, perms } = commentOf(req);
    req.access.require(req.core.store.repoById(comment.repoId), perms, "read");
    return ok(renderComment(req.core, comment));
  },
  "issues/update-comment": (req) => {
    const { comment, perms } = commentOf(req);
    const repo = req.core.store.repoById(comment.repoId);
    if (comment.userId === req.access.actor.accountId) req.access.requireParticipate(repo, perms);
    else req.access.require(repo, perms, "write");
    updateComment(req.core, req.access.actor, comment, String(req.body.body ?? ""));
    return ok(renderComment(req.core, comment));
  },
  "issues/delete-comment": (req) => {
    const { comment, perms } = commentOf(req);
    const repo = req.core.store.repoById(comment.repoId);
    if (comment.userId === req.access.actor.accountId) req.access.requireParticipate(repo, perms);
    else req.access.require(repo, perms, "write");
    deleteComment(req.core, req.access.actor, comment);
    return noContent();
  },
};
