import { GitHubError, notFound } from "../../http/github-error.ts";
import { addBlockedBy, removeBlockedBy } from "../../ops/dependencies.ts";
import { addSubIssue, removeSubIssue, reprioritizeSubIssue } from "../../ops/sub-issues.ts";
import { renderIssue } from "../../render/issue.ts";
import type { IssueRecord } from "../../state/types.ts";
import { issueOf, paginate, repoOf } from "../lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../types.ts";

function byId(req: RestRequest, id: unknown): IssueRecord {
  const issue = req.core.store.issueById(Number(id));
  if (!issue || !req.access.canSee(req.core.store.repoById(issue.repoId))) {
    throw new GitHubError(404, "Not Found");
  }
  return issue;
}

function list(req: RestRequest, issues: IssueRecord[]) {
  const { page, headers } = paginate(req, issues);
  return { status: 200, body: page.map((i) => renderIssue(req.core, i)), headers };
}

function target(req: RestRequest, level: "read" | "write") {
  const repo = repoOf(req);
  const issue = issueOf(req, repo);
  req.access.require(repo, "issues", level);
  return issue;
}

export const subIssueHandlers: HandlerTable = {
  "issues/add-sub-issue": (req) => {
    const parent = target(req, "write");
    const child = byId(req, req.body.sub_issue_id);
    req.access.require(req.core.store.repoById(child.repoId), "issues", "write");
    addSubIssue(req.core, req.access.actor, parent, child, req.body.replace_parent === true);
    return ok(renderIssue(req.core, parent), 201);
  },
  "issues/remove-sub-issue": (req) => {
    const parent = target(req, "write");
    removeSubIssue(req.core, req.access.actor, parent, byId(req, req.body.sub_issue_id));
    return ok(renderIssue(req.core, parent));
  },
  "issues/reprioritize-sub-issue": (req) => {
    const parent = target(req, "write");
    reprioritizeSubIssue(parent, Number(req.body.sub_issue_id), {
      afterId: req.body.after_id,
      beforeId: req.body.before_id,
    });
    req.core.store.changed();
    return ok(renderIssue(req.core, parent));
  },
  "issues/list-sub-issues": (req) => {
    const parent = target(req, "read");
    return list(
      req,
      parent.subIssueIds.flatMap((id) => req.core.store.issueById(id) ?? []),
    );
  },
  "issues/get-parent": (req) => {
    const child = target(req, "read");
    const parent = child.parentId != null ? req.core.store.issueById(child.parentId) : undefined;
    if (!parent) throw notFound();
    return ok(renderIssue(req.core, parent));
  },
  "issues/add-blocked-by-dependency": (req) => {
    const blocked = target(req, "write");
    const blocking = byId(req, req.body.issue_id);
    addBlockedBy(req.core, req.access.actor, blocked, blocking);
    return ok(renderIssue(req.core, blocking), 201);
  },
  "issues/remove-dependency-blocked-by": (req) => {
    const blocked = target(req, "write");
    const blocking = byId(req, req.params.issue_id);
    removeBlockedBy(req.core, req.access.actor, blocked, blocking);
    return ok(renderIssue(req.core, blocking));
  },
  "issues/list-dependencies-blocked-by": (req) => {
    const issue = target(req, "read");
    return list(
      req,
      issue.blockedByIds.flatMap((id) => req.core.store.issueById(id) ?? []),
    );
  },
  "issues/list-dependencies-blocking": (req) => {
    const issue = target(req, "read");
    return list(
      req,
      req.core.store.state.issues.filter((i) => i.blockedByIds.includes(issue.id)),
    );
  },
};
