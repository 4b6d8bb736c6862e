import type { Actor, SandboxCore } from "../core.ts";
import { checkBodyLength, GitHubError, validationFailed } from "../http/github-error.ts";
import { renderIssue } from "../render/issue.ts";
import { renderUser } from "../render/user.ts";
import type { CloseEventRecord, IssueRecord, RepoRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";
import { addLabels, setLabels } from "./labels.ts";

export interface IssueInput {
  title: string;
  body?: string | null;
  labels?: string[];
  assignees?: string[];
}

function assigneeIds(core: SandboxCore, repo: RepoRecord, logins: string[]): number[] {
  return logins.map((login) => {
    const a = core.store.account(login);
    if (!a || !core.store.roleOf(a.id, repo)) {
      throw validationFailed("Issue", "assignees", "invalid", `cannot assign ${login}`);
    }
    return a.id;
  });
}

/** Creates an issue (or the issue half of a pull request) and emits `issues.opened`. */
export function createIssue(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  input: IssueInput,
  opts: { isPull?: boolean; emit?: boolean } = {},
): IssueRecord {
  if (!input.title?.trim()) throw validationFailed("Issue", "title", "missing_field");
  if (!repo.hasIssues && !opts.isPull)
    throw new GitHubError(410, "Issues are disabled for this repo");
  checkBodyLength("Issue", input.body);
  const now = core.store.now();
  const issue: IssueRecord = {
    id: core.store.newId(),
    repoId: repo.id,
    number: repo.nextNumber++,
    title: input.title,
    body: input.body ?? null,
    userId: actor.accountId,
    performedViaAppId: actor.appId,
    state: "open",
    stateReason: null,
    locked: false,
    activeLockReason: null,
    labelIds: [],
    assigneeIds: assigneeIds(core, repo, input.assignees ?? []),
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedById: null,
    subIssueIds: [],
    parentId: null,
    blockedByIds: [],
    isPull: opts.isPull ?? false,
  };
  core.store.state.issues.push(issue);
  if (opts.emit !== false) {
    emitEvent(core, actor, "issues", "opened", repo.id, { issue: renderIssue(core, issue) });
  }
  if (input.labels?.length) addLabels(core, actor, issue, input.labels);
  core.store.changed();
  return issue;
}

export interface IssuePatch {
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  stateReason?: IssueRecord["stateReason"];
  labels?: string[];
  assignees?: string[];
}

/** Applies an edit; emits edited/closed/reopened/labeled/assigned as GitHub does. */
export function updateIssue(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  patch: IssuePatch,
): IssueRecord {
  const repo = core.store.repoById(issue.repoId);
  if (patch.title !== undefined && !String(patch.title).trim()) {
    throw validationFailed("Issue", "title", "missing_field");
  }
  checkBodyLength("Issue", patch.body);
  const newAssignees = patch.assignees ? assigneeIds(core, repo, patch.assignees) : undefined;
  const changes: Record<string, { from: unknown }> = {};
  if (patch.title !== undefined && patch.title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = patch.title;
  }
  if (patch.body !== undefined && patch.body !== issue.body) {
    // GitHub's webhook schemas give `changes.body.from` as a string: an issue that had no body
    // had an empty one.
    changes.body = { from: issue.body ?? "" };
    issue.body = patch.body;
    issue.lastEditedById = actor.accountId;
    issue.lastEditedAt = core.store.now();
  }
  const now = core.store.now();
  if (Object.keys(changes).length) {
    issue.updatedAt = now;
    emitEvent(core, actor, "issues", "edited", repo.id, {
      issue: renderIssue(core, issue),
      changes,
    });
  }
  if (patch.labels) setLabels(core, actor, issue, patch.labels);
  if (newAssignees) setAssignees(core, actor, issue, newAssignees);
  if (patch.state && patch.state !== issue.state) {
    setState(core, actor, issue, patch.state, patch.stateReason ?? null);
  } else if (
    patch.stateReason &&
    issue.state === "closed" &&
    patch.stateReason !== issue.stateReason
  ) {
    issue.stateReason = patch.stateReason;
    issue.updatedAt = now;
  }
  core.store.changed();
  return issue;
}

export function setState(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  state: "open" | "closed",
  reason: IssueRecord["stateReason"],
  closer: CloseEventRecord["closer"] = null,
): void {
  const now = core.store.now();
  issue.state = state;
  issue.updatedAt = now;
  if (state === "closed") {
    issue.closedAt = now;
    issue.closedById = actor.accountId;
    issue.stateReason = reason ?? "completed";
    const events = (issue.closeEvents ??= []);
    events.push({
      id: core.store.newId(),
      at: now,
      actorId: actor.accountId,
      reason: issue.stateReason === "reopened" ? "completed" : issue.stateReason,
      closer,
    });
  } else {
    issue.closedAt = null;
    issue.closedById = null;
    issue.stateReason = "reopened";
  }
  if (!issue.isPull) {
    emitEvent(core, actor, "issues", state === "closed" ? "closed" : "reopened", issue.repoId, {
      issue: renderIssue(core, issue),
    });
  }
  core.store.changed();
}

/** Adds (or with `replace`, sets) assignees; emits assigned/unassigned per change. */
export function setAssignees(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  ids: number[],
  mode: "replace" | "add" | "remove" = "replace",
): void {
  const before = new Set(issue.assigneeIds);
  const after =
    mode === "replace"
      ? new Set(ids)
      : mode === "add"
        ? new Set([...before, ...ids])
        : new Set([...before].filter((id) => !ids.includes(id)));
  issue.assigneeIds = [...after].slice(0, 10);
  for (const id of new Set([...before, ...after])) {
    if (before.has(id) === after.has(id)) continue;
    issue.updatedAt = core.store.now();
    emitEvent(core, actor, "issues", after.has(id) ? "assigned" : "unassigned", issue.repoId, {
      issue: renderIssue(core, issue),
      assignee: renderUser(core.urls, core.store.accountById(id)),
    });
  }
  core.store.changed();
}

export function setLock(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  locked: boolean,
  reason: string | null,
): void {
  if (issue.locked === locked && (!locked || issue.activeLockReason === reason)) return;
  issue.locked = locked;
  issue.activeLockReason = locked ? reason : null;
  issue.updatedAt = core.store.now();
  emitEvent(core, actor, "issues", locked ? "locked" : "unlocked", issue.repoId, {
    issue: renderIssue(core, issue),
  });
  core.store.changed();
}
