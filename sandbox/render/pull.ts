import type { SandboxCore } from "../core.ts";
import type { IssueRecord, PullRecord } from "../state/types.ts";
import { renderIssue } from "./issue.ts";
import { renderRepo } from "./repo.ts";
import { renderUser } from "./user.ts";

function branchRef(
  core: SandboxCore,
  repoId: number,
  ref: string,
  sha: string,
): Record<string, unknown> {
  const repo = core.store.repoById(repoId);
  const owner = core.store.accountById(repo.ownerId);
  return {
    label: `${owner.login}:${ref}`,
    ref,
    sha,
    user: renderUser(core.urls, owner),
    repo: renderRepo(core, repo),
  };
}

/** A `pull-request` as `GET /pulls/{n}` and pull_request webhooks render it. */
export function renderPull(core: SandboxCore, issue: IssueRecord): Record<string, unknown> {
  const pr = core.store.pull(issue.id);
  if (!pr) throw new Error(`sandbox: issue ${issue.id} is not a pull request`);
  const i = renderIssue(core, issue);
  const full = core.store.fullName(core.store.repoById(issue.repoId));
  const url = `${core.urls.api}/repos/${full}/pulls/${issue.number}`;
  const html = String(i.html_url);
  return {
    url,
    id: issue.id,
    node_id: i.node_id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: i.url,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${core.urls.api}/repos/${full}/pulls/comments{/number}`,
    comments_url: i.comments_url,
    statuses_url: `${core.urls.api}/repos/${full}/statuses/${pr.headSha}`,
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: i.user,
    body: issue.body,
    labels: i.labels,
    milestone: null,
    active_lock_reason: issue.activeLockReason,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pr.mergedAt,
    merge_commit_sha: pr.mergeCommitSha,
    assignee: i.assignee,
    assignees: i.assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: branchRef(core, pr.headRepoId, pr.headRef, pr.headSha),
    base: branchRef(core, pr.repoId, pr.baseRef, pr.baseSha),
    _links: links(url, html, full, core.urls.api, pr),
    author_association: i.author_association,
    auto_merge: null,
    draft: pr.draft,
    merged: pr.merged,
    mergeable: pr.merged ? null : pr.mergeable,
    rebaseable: pr.merged ? null : pr.mergeable,
    mergeable_state: mergeableState(issue, pr),
    merged_by:
      pr.mergedById != null ? renderUser(core.urls, core.store.accountById(pr.mergedById)) : null,
    comments: i.comments,
    review_comments: core.store.state.reviewComments.filter(
      (c) =>
        c.issueId === issue.id &&
        core.store.state.reviews.find((r) => r.id === c.reviewId)?.state !== "PENDING",
    ).length,
    maintainer_can_modify: pr.maintainerCanModify,
    commits: pr.stats.commits,
    additions: pr.stats.additions,
    deletions: pr.stats.deletions,
    changed_files: pr.stats.changedFiles,
  };
}

function mergeableState(issue: IssueRecord, pr: PullRecord): string {
  if (pr.merged || issue.state === "closed") return "unknown";
  if (pr.mergeable === false) return "dirty";
  if (pr.draft) return "draft";
  return pr.mergeable === null ? "unknown" : "clean";
}

function links(url: string, html: string, full: string, api: string, pr: PullRecord) {
  const href = (h: string) => ({ href: h });
  return {
    self: href(url),
    html: href(html),
    issue: href(url.replace(/\/pulls\//, "/issues/")),
    comments: href(`${url.replace(/\/pulls\//, "/issues/")}/comments`),
    review_comments: href(`${url}/comments`),
    review_comment: href(`${api}/repos/${full}/pulls/comments{/number}`),
    commits: href(`${url}/commits`),
    statuses: href(`${api}/repos/${full}/statuses/${pr.headSha}`),
  };
}

/** The short form used in `GET /pulls` lists. */
export function renderPullSimple(core: SandboxCore, issue: IssueRecord): Record<string, unknown> {
  const full = renderPull(core, issue);
  for (const k of [
    "merged",
    "mergeable",
    "rebaseable",
    "mergeable_state",
    "merged_by",
    "comments",
    "review_comments",
    "maintainer_can_modify",
    "commits",
    "additions",
    "deletions",
    "changed_files",
  ]) {
    delete full[k];
  }
  return full;
}
