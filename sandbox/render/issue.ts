import type { SandboxCore } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { IssueRecord } from "../state/types.ts";
import { renderAppById } from "./app.ts";
import { renderLabel } from "./label.ts";
import { renderReactionRollup } from "./reactions.ts";
import { renderUser } from "./user.ts";

/** GitHub's author_association of an account on a repository. */
export function authorAssociation(core: SandboxCore, userId: number, repoId: number): string {
  const repo = core.store.repoById(repoId);
  if (repo.ownerId === userId) return "OWNER";
  const owner = core.store.accountById(repo.ownerId);
  const login = core.store.accountById(userId).login.toLowerCase();
  if (owner.members?.[login]) return "MEMBER";
  if (repo.collaborators[login]) return "COLLABORATOR";
  return "NONE";
}

export function issueApiUrl(core: SandboxCore, issue: IssueRecord): string {
  const full = core.store.fullName(core.store.repoById(issue.repoId));
  return `${core.urls.api}/repos/${full}/issues/${issue.number}`;
}

export function issueHtmlUrl(core: SandboxCore, issue: IssueRecord): string {
  const full = core.store.fullName(core.store.repoById(issue.repoId));
  return `${core.urls.server}/${full}/${issue.isPull ? "pull" : "issues"}/${issue.number}`;
}

function subIssuesSummary(core: SandboxCore, issue: IssueRecord): Record<string, number> {
  const subs = issue.subIssueIds.map((id) => core.store.issueById(id)).filter((i) => i);
  const completed = subs.filter((i) => i?.state === "closed").length;
  const total = subs.length;
  return { total, completed, percent_completed: total ? Math.floor((completed * 100) / total) : 0 };
}

function dependenciesSummary(core: SandboxCore, issue: IssueRecord): Record<string, number> {
  const blocking = core.store.state.issues.filter((i) => i.blockedByIds.includes(issue.id));
  const blockedBy = issue.blockedByIds.map((id) => core.store.issueById(id));
  return {
    blocked_by: blockedBy.filter((i) => i?.state === "open").length,
    blocking: blocking.filter((i) => i.state === "open").length,
    total_blocked_by: blockedBy.length,
    total_blocking: blocking.length,
  };
}

/** An `issue` as the REST API and webhooks render it. */
export function renderIssue(core: SandboxCore, issue: IssueRecord): Record<string, unknown> {
  const url = issueApiUrl(core, issue);
  const repo = core.store.repoById(issue.repoId);
  const full = core.store.fullName(repo);
  const assignees = issue.assigneeIds.map((id) =>
    renderUser(core.urls, core.store.accountById(id)),
  );
  const parent = issue.parentId != null ? core.store.issueById(issue.parentId) : undefined;
  const out: Record<string, unknown> = {
    id: issue.id,
    node_id: nodeId(issue.isPull ? "PullRequest" : "Issue", issue.id),
    url,
    repository_url: `${core.urls.api}/repos/${full}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: issueHtmlUrl(core, issue),
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: renderUser(core.urls, core.store.accountById(issue.userId)),
    labels: issue.labelIds.flatMap((id) => {
      const l = core.store.state.labels.find((x) => x.id === id);
      return l ? [renderLabel(core, l)] : [];
    }),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: issue.locked,
    active_lock_reason: issue.activeLockReason,
    comments: core.store.state.comments.filter((c) => c.issueId === issue.id).length,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_by:
      issue.closedById != null
        ? renderUser(core.urls, core.store.accountById(issue.closedById))
        : null,
    author_association: authorAssociation(core, issue.userId, issue.repoId),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: renderAppById(core, issue.performedViaAppId),
    reactions: renderReactionRollup(core, url, { kind: "issue", id: issue.id }),
    sub_issues_summary: subIssuesSummary(core, issue),
    issue_dependencies_summary: dependenciesSummary(core, issue),
  };
  if (parent) out.parent_issue_url = issueApiUrl(core, parent);
  if (issue.isPull) {
    const pr = core.store.pull(issue.id);
    const pullUrl = `${core.urls.api}/repos/${full}/pulls/${issue.number}`;
    const html = issueHtmlUrl(core, issue);
    out.draft = pr?.draft ?? false;
    out.pull_request = {
      url: pullUrl,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: pr?.mergedAt ?? null,
    };
  }
  return out;
}
