import type { Actor, SandboxCore } from "../core.ts";
import { GitHubError, validationFailed } from "../http/github-error.ts";
import { renderIssue } from "../render/issue.ts";
import { renderRepo } from "../render/repo.ts";
import type { IssueRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";

export const MAX_BLOCKED_BY = 50;

function blocks(
  core: SandboxCore,
  from: IssueRecord,
  to: IssueRecord,
  seen = new Set<number>(),
): boolean {
  if (from.id === to.id) return true;
  if (seen.has(from.id)) return false;
  seen.add(from.id);
  return from.blockedByIds.some((id) => {
    const next = core.store.issueById(id);
    return next ? blocks(core, next, to, seen) : false;
  });
}

/** Marks `blocked` as blocked by `blocking`; emits issue_dependencies events on both sides. */
export function addBlockedBy(
  core: SandboxCore,
  actor: Actor,
  blocked: IssueRecord,
  blocking: IssueRecord,
): void {
  const fail = (m: string) => validationFailed("IssueDependency", "issue_id", "invalid", m);
  if (blocked.blockedByIds.includes(blocking.id)) throw fail("This dependency already exists.");
  if (blocks(core, blocking, blocked)) throw fail("Adding this dependency would create a cycle.");
  if (blocked.blockedByIds.length >= MAX_BLOCKED_BY) {
    throw fail(`An issue may be blocked by at most ${MAX_BLOCKED_BY} issues.`);
  }
  blocked.blockedByIds.push(blocking.id);
  emitDependency(core, actor, blocked, blocking, "added");
  core.store.changed();
}

export function removeBlockedBy(
  core: SandboxCore,
  actor: Actor,
  blocked: IssueRecord,
  blocking: IssueRecord,
): void {
  if (!blocked.blockedByIds.includes(blocking.id)) throw new GitHubError(404, "Not Found");
  blocked.blockedByIds = blocked.blockedByIds.filter((id) => id !== blocking.id);
  emitDependency(core, actor, blocked, blocking, "removed");
  core.store.changed();
}

function emitDependency(
  core: SandboxCore,
  actor: Actor,
  blocked: IssueRecord,
  blocking: IssueRecord,
  how: "added" | "removed",
): void {
  const common = {
    blocked_issue_id: blocked.id,
    blocked_issue: renderIssue(core, blocked),
    blocking_issue_id: blocking.id,
    blocking_issue: renderIssue(core, blocking),
  };
  emitEvent(core, actor, "issue_dependencies", `blocked_by_${how}`, blocked.repoId, {
    ...common,
    blocking_issue_repo: renderRepo(core, core.store.repoById(blocking.repoId)),
  });
  emitEvent(core, actor, "issue_dependencies", `blocking_${how}`, blocking.repoId, {
    ...common,
    blocked_issue_repo: renderRepo(core, core.store.repoById(blocked.repoId)),
  });
}
