import type { Actor, SandboxCore } from "../core.ts";
import { GitHubError, validationFailed } from "../http/github-error.ts";
import { renderIssue } from "../render/issue.ts";
import { renderRepo } from "../render/repo.ts";
import type { IssueRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";

export const MAX_SUB_ISSUES = 100;
export const MAX_DEPTH = 8;

function depthAbove(core: SandboxCore, issue: IssueRecord): number {
  let depth = 0;
  for (let p = issue.parentId; p != null; p = core.store.issueById(p)?.parentId ?? null) depth++;
  return depth;
}

function depthBelow(core: SandboxCore, issue: IssueRecord): number {
  const kids = issue.subIssueIds.map((id) => core.store.issueById(id)).filter((i) => i);
  return kids.length ? 1 + Math.max(...kids.map((k) => depthBelow(core, k as IssueRecord))) : 0;
}

function isAncestor(core: SandboxCore, maybe: IssueRecord, of: IssueRecord): boolean {
  for (let p: number | null = of.id; p != null; p = core.store.issueById(p)?.parentId ?? null) {
    if (p === maybe.id) return true;
  }
  return false;
}

function fail(message: string): GitHubError {
  return validationFailed("Issue", "sub_issue_id", "invalid", message);
}

/** Links `child` under `parent`, enforcing GitHub's limits; emits both sub_issues events. */
export function addSubIssue(
  core: SandboxCore,
  actor: Actor,
  parent: IssueRecord,
  child: IssueRecord,
  replaceParent = false,
): void {
  const parentRepo = core.store.repoById(parent.repoId);
  const childRepo = core.store.repoById(child.repoId);
  if (parentRepo.ownerId !== childRepo.ownerId) {
    throw fail("Sub-issues must belong to a repository owned by the same owner as the parent.");
  }
  if (child.isPull || parent.isPull) throw fail("Pull requests cannot be sub-issues.");
  if (isAncestor(core, child, parent))
    throw fail("An issue cannot be a sub-issue of itself or of its own sub-issue.");
  if (parent.subIssueIds.includes(child.id))
    throw fail("Issue is already a sub-issue of this parent.");
  if (child.parentId != null && !replaceParent) {
    throw fail("Issue may not have more than one parent (set replace_parent to move it).");
  }
  if (parent.subIssueIds.length >= MAX_SUB_ISSUES) {
    throw fail(`Parent issue may not have more than ${MAX_SUB_ISSUES} sub-issues.`);
  }
  if (depthAbove(core, parent) + 1 + depthBelow(core, child) > MAX_DEPTH - 1) {
    throw fail(`Sub-issues may only be nested ${MAX_DEPTH} levels deep.`);
  }
  if (child.parentId != null) {
    const old = core.store.issueById(child.parentId);
    if (old) removeSubIssue(core, actor, old, child);
  }
  parent.subIssueIds.push(child.id);
  child.parentId = parent.id;
  const now = core.store.now();
  parent.updatedAt = now;
  child.updatedAt = now;
  emitLink(core, actor, parent, child, "added");
  core.store.changed();
}

export function removeSubIssue(
  core: SandboxCore,
  actor: Actor,
  parent: IssueRecord,
  child: IssueRecord,
): void {
  if (!parent.subIssueIds.includes(child.id)) throw new GitHubError(404, "Not Found");
  parent.subIssueIds = parent.subIssueIds.filter((id) => id !== child.id);
  child.parentId = null;
  emitLink(core, actor, parent, child, "removed");
  core.store.changed();
}

/** Moves a sub-issue after `afterId` or before `beforeId` in the parent's order. */
export function reprioritizeSubIssue(
  parent: IssueRecord,
  childId: number,
  position: { afterId?: number; beforeId?: number },
): void {
  const ids = parent.subIssueIds;
  if (!ids.includes(childId)) throw fail("Issue is not a sub-issue of this parent.");
  const anchor = position.afterId ?? position.beforeId;
  if ((position.afterId == null) === (position.beforeId == null)) {
    throw new GitHubError(422, "Exactly one of after_id or before_id must be given.");
  }
  if (anchor === undefined || !ids.includes(anchor) || anchor === childId) {
    throw fail("The after_id or before_id must be another sub-issue of this parent.");
  }
  const rest = ids.filter((id) => id !== childId);
  const at = rest.indexOf(anchor) + (position.afterId != null ? 1 : 0);
  rest.splice(at, 0, childId);
  parent.subIssueIds = rest;
}

function emitLink(
  core: SandboxCore,
  actor: Actor,
  parent: IssueRecord,
  child: IssueRecord,
  how: "added" | "removed",
): void {
  const common = {
    parent_issue_id: parent.id,
    parent_issue: renderIssue(core, parent),
    sub_issue_id: child.id,
    sub_issue: renderIssue(core, child),
  };
  emitEvent(core, actor, "sub_issues", `sub_issue_${how}`, parent.repoId, {
    ...common,
    sub_issue_repo: renderRepo(core, core.store.repoById(child.repoId)),
  });
  emitEvent(core, actor, "sub_issues", `parent_issue_${how}`, child.repoId, {
    ...common,
    parent_issue_repo: renderRepo(core, core.store.repoById(parent.repoId)),
  });
}
