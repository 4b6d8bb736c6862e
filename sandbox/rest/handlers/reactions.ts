import { notFound } from "../../http/github-error.ts";
import { addReaction } from "../../ops/reactions.ts";
import { renderReaction } from "../../render/reactions.ts";
import type { ReactionRecord } from "../../state/types.ts";
import { issueOf, issuePermissions, paginate, repoOf } from "../lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../types.ts";

function react(req: RestRequest, subject: ReactionRecord["subject"], perms: string[]) {
  const repo = repoOf(req);
  req.access.require(repo, perms, "read");
  const { reaction, created } = addReaction(req.core, req.access.actor, subject, req.body.content);
  return ok(renderReaction(req.core, reaction), created ? 201 : 200);
}

export const reactionHandlers: HandlerTable = {
  "reactions/create-for-issue": (req) => {
    const issue = issueOf(req, repoOf(req));
    return react(req, { kind: "issue", id: issue.id }, issuePermissions(issue));
  },
  "reactions/create-for-issue-comment": (req) => {
    const repo = repoOf(req);
    const c = req.core.store.state.comments.find(
      (x) => x.id === Number(req.params.comment_id) && x.repoId === repo.id,
    );
    if (!c) throw notFound();
    return react(req, { kind: "comment", id: c.id }, ["issues", "pull_requests"]);
  },
  "reactions/list-for-issue": (req) => {
    const repo = repoOf(req);
    const issue = issueOf(req, repo);
    req.access.require(repo, issuePermissions(issue), "read");
    const all = req.core.store.state.reactions.filter(
      (r) =>
        r.subject.kind === "issue" &&
        r.subject.id === issue.id &&
        (!req.query.content || r.content === req.query.content),
    );
    const { page, headers } = paginate(req, all);
    return { status: 200, body: page.map((r) => renderReaction(req.core, r)), headers };
  },
};
