import type { Actor, SandboxCore } from "../core.ts";
import { checkBodyLength, GitHubError, validationFailed } from "../http/github-error.ts";
import { renderComment } from "../render/comment.ts";
import { renderIssue } from "../render/issue.ts";
import type { CommentRecord, IssueRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";

function issuePayload(core: SandboxCore, issue: IssueRecord): Record<string, unknown> {
  return { issue: renderIssue(core, issue) };
}

export function createComment(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  body: string,
): CommentRecord {
  if (!body?.trim()) throw validationFailed("IssueComment", "body", "missing_field");
  checkBodyLength("IssueComment", body);
  if (issue.locked) {
    const role = core.store.roleOf(actor.accountId, core.store.repoById(issue.repoId));
    if (actor.via === "user" && role !== "admin" && role !== "maintain" && role !== "write") {
      throw new GitHubError(403, "Unable to create comment because issue is locked.");
    }
  }
  const now = core.store.now();
  const c: CommentRecord = {
    id: core.store.newId(),
    issueId: issue.id,
    repoId: issue.repoId,
    userId: actor.accountId,
    performedViaAppId: actor.appId,
    body,
    createdAt: now,
    updatedAt: now,
  };
  core.store.state.comments.push(c);
  issue.updatedAt = now;
  emitEvent(core, actor, "issue_comment", "created", issue.repoId, {
    ...issuePayload(core, issue),
    comment: renderComment(core, c),
  });
  core.store.changed();
  return c;
}

export function updateComment(
  core: SandboxCore,
  actor: Actor,
  c: CommentRecord,
  body: string,
): CommentRecord {
  if (!body?.trim()) throw validationFailed("IssueComment", "body", "missing_field");
  checkBodyLength("IssueComment", body);
  if (body === c.body) return c;
  const from = c.body;
  c.body = body;
  c.updatedAt = core.store.now();
  const issue = core.store.issueById(c.issueId);
  if (issue) {
    emitEvent(core, actor, "issue_comment", "edited", c.repoId, {
      ...issuePayload(core, issue),
      comment: renderComment(core, c),
      changes: { body: { from } },
    });
  }
  core.store.changed();
  return c;
}

export function deleteComment(core: SandboxCore, actor: Actor, c: CommentRecord): void {
  const issue = core.store.issueById(c.issueId);
  const rendered = renderComment(core, c);
  core.store.state.comments = core.store.state.comments.filter((x) => x.id !== c.id);
  if (issue) {
    emitEvent(core, actor, "issue_comment", "deleted", c.repoId, {
      ...issuePayload(core, issue),
      comment: rendered,
    });
  }
  core.store.changed();
}
