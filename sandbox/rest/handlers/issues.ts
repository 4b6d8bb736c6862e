import { GitHubError, validationFailed } from "../../http/github-error.ts";
import { createIssue, setAssignees, setLock, updateIssue } from "../../ops/issues.ts";
import { renderIssue } from "../../render/issue.ts";
import type { IssueRecord } from "../../state/types.ts";
import { issueOf, issuePermissions, paginate, repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";

function labelNames(input: unknown): string[] | undefined {
  if (!Array.isArray(input)) return undefined;
  return input.map((l) =>
    typeof l === "string" ? l : String((l as { name?: string }).name ?? ""),
  );
}

function canTriage(req: RestRequest, repoId: number): boolean {
  const repo = req.core.store.repoById(repoId);
  const level = req.access.levelOn(repo, "issues");
  return level === "write" || level === "admin";
}

function listFilter(req: RestRequest, i: IssueRecord): boolean {
  const q = req.query;
  const state = q.state ?? "open";
  if (state !== "all" && i.state !== state) return false;
  if (q.labels) {
    const want = String(q.labels)
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const have = i.labelIds.map((id) =>
      req.core.store.state.labels.find((l) => l.id === id)?.name.toLowerCase(),
    );
    if (!want.every((w) => have.includes(w))) return false;
  }
  if (q.creator && req.core.store.account(String(q.creator))?.id !== i.userId) return false;
  if (q.since && i.updatedAt < String(q.since)) return false;
  return true;
}

export const issueHandlers: HandlerTable = {
  "issues/create": (req) => {
    const repo = repoOf(req);
    req.access.requireParticipate(repo);
    const triage = canTriage(req, repo.id);
    const issue = createIssue(req.core, req.access.actor, repo, {
      title: req.body.title == null ? "" : String(req.body.title),
      body: req.body.body ?? null,
      // GitHub silently drops labels and assignees from users without push access.
      labels: triage ? labelNames(req.body.labels) : undefined,
      assignees: triage
        ? [...(req.body.assignees ?? []), ...(req.body.assignee ? [req.body.assignee] : [])]
        : undefined,
    });
    return ok(renderIssue(req.core, issue), 201);
  },
  "issues/get": (req) => {
    const repo = repoOf(req);
    const issue = issueOf(req, repo);
    req.access.require(repo, issuePermissions(issue), "read");
    return ok(renderIssue(req.core, issue));
  },
  "issues/update": (req) => {
    const repo = repoOf(req);
    const issue = issueOf(req, repo);
    const own = issue.userId === req.access.actor.accountId && req.access.token.kind === "user";
    if (own) req.access.requireParticipate(repo, issuePermissions(issue));
    else req.access.require(repo, issuePermissions(issue), "write");
    const triage = canTriage(req, repo.id);
    const b = req.body;
    // Editing someone else's title or body is for write, maintain and admin (GitHub's roles
    // table): triage may label, assign, close and reopen, but not rewrite what others wrote.
    if (
      !own &&
      req.access.token.kind === "user" &&
      (b.title !== undefined || b.body !== undefined)
    ) {
      const role = req.core.store.roleOf(req.access.actor.accountId, repo);
      if (role !== "write" && role !== "maintain" && role !== "admin")
        throw new GitHubError(
          403,
          "Must have push access to edit others' issues and pull requests.",
        );
    }
    updateIssue(req.core, req.access.actor, issue, {
      title: b.title === undefined ? undefined : String(b.title ?? ""),
      body: b.body,
      state: b.state,
      stateReason: b.state_reason,
      labels: triage ? labelNames(b.labels) : undefined,
      assignees: triage
        ? (b.assignees ?? (b.assignee !== undefined ? (b.assignee ? [b.assignee] : []) : undefined))
        : undefined,
    });
    return ok(renderIssue(req.core, issue));
  },
  "issues/list-for-repo": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "issues", "read");
    const dir = req.query.direction === "asc" ? 1 : -1;
    const key = req.query.sort === "updated" ? "updatedAt" : "createdAt";
    const all = req.core.store.state.issues
      .filter((i) => i.repoId === repo.id && listFilter(req, i))
      .sort((a, b) => (a[key] === b[key] ? a.number - b.number : a[key] < b[key] ? -1 : 1) * dir);
    const { page, headers } = paginate(req, all);
    return { status: 200, body: page.map((i) => renderIssue(req.core, i)), headers };
  },
  "issues/lock": (req) => {
    const repo = repoOf(req);
    const issue = issueOf(req, repo);
    req.access.require(repo, issuePermissions(issue), "write");
    const reason = req.body?.lock_reason ?? null;
    setLock(req.core, req.access.actor, issue, true, reason);
    return noContent();
  },
  "issues/unlock": (req) => {
    const repo = repoOf(req);
    const issue = issueOf(req, repo);
    req.access.require(repo, issuePermissions(issue), "write");
    setLock(req.core, req.access.actor, issue, false, null);
    return noContent();
  },
  "issues/add-assignees": (req) => assign(req, "add"),
  "issues/remove-assignees": (req) => assign(req, "remove"),
  "issues/check-user-can-be-assigned": (req) => {
    const repo = repoOf(req);
    const a = req.core.store.account(String(req.params.assignee));
    if (!a || !req.core.store.roleOf(a.id, repo)) throw new GitHubError(404, "Not Found");
    return noContent();
  },
};

function assign(req: RestRequest, mode: "add" | "remove") {
  const repo = repoOf(req);
  const issue = issueOf(req, repo);
  req.access.require(repo, issuePermissions(issue), "write");
  const logins: string[] = req.body?.assignees ?? [];
  const ids = logins.flatMap((l) => {
    const a = req.core.store.account(l);
    if (!a && mode === "add") throw validationFailed("Issue", "assignees", "invalid");
    return a ? [a.id] : [];
  });
  setAssignees(req.core, req.access.actor, issue, ids, mode);
  return ok(renderIssue(req.core, issue), mode === "add" ? 201 : 200);
}
