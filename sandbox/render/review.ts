import type { SandboxCore } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { ReviewCommentRecord, ReviewRecord } from "../state/review-types.ts";
import type { IssueRecord } from "../state/types.ts";
import { authorAssociation, issueHtmlUrl } from "./issue.ts";
import { renderReactionRollup } from "./reactions.ts";
import { renderUser } from "./user.ts";

function pullOf(core: SandboxCore, issueId: number): IssueRecord {
  const issue = core.store.issueById(issueId);
  if (!issue) throw new Error(`sandbox: no pull request ${issueId}`);
  return issue;
}

function pullApiUrl(core: SandboxCore, issue: IssueRecord): string {
  const full = core.store.fullName(core.store.repoById(issue.repoId));
  return `${core.urls.api}/repos/${full}/pulls/${issue.number}`;
}

/**
 * A `pull-request-review` as the REST API returns it (`state` in upper case, no `submitted_at`
 * while pending); webhooks show the state in lower case.
 */
export function renderReview(
  core: SandboxCore,
  r: ReviewRecord,
  form: "rest" | "webhook" = "rest",
): Record<string, unknown> {
  const issue = pullOf(core, r.issueId);
  const html = `${issueHtmlUrl(core, issue)}#pullrequestreview-${r.id}`;
  const pullUrl = pullApiUrl(core, issue);
  const out: Record<string, unknown> = {
    id: r.id,
    node_id: nodeId("PullRequestReview", r.id),
    user: renderUser(core.urls, core.store.accountById(r.userId)),
    body: r.body,
    state: form === "rest" ? r.state : r.state.toLowerCase(),
    html_url: html,
    pull_request_url: pullUrl,
    author_association: authorAssociation(core, r.userId, r.repoId),
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    commit_id: r.commitId,
  };
  if (r.submittedAt || form === "webhook") out.submitted_at = r.submittedAt;
  return out;
}

/** A `pull-request-review-comment` (REST and webhooks); `line` and `position` are null once outdated. */
export function renderReviewComment(
  core: SandboxCore,
  c: ReviewCommentRecord,
): Record<string, unknown> {
  const issue = pullOf(core, c.issueId);
  const full = core.store.fullName(core.store.repoById(c.repoId));
  const url = `${core.urls.api}/repos/${full}/pulls/comments/${c.id}`;
  const html = `${issueHtmlUrl(core, issue)}#discussion_r${c.id}`;
  const pullUrl = pullApiUrl(core, issue);
  const a = c.anchor;
  const out: Record<string, unknown> = {
    url,
    pull_request_review_id: c.reviewId,
    id: c.id,
    node_id: nodeId("PullRequestReviewComment", c.id),
    diff_hunk: a.diffHunk,
    path: c.path,
    position: c.outdated ? null : a.position,
    original_position: c.original.position ?? 1,
    commit_id: c.commitId,
    original_commit_id: c.originalCommitId,
    user: renderUser(core.urls, core.store.accountById(c.userId)),
    body: c.body,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: authorAssociation(core, c.userId, c.repoId),
    _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
    reactions: renderReactionRollup(core, url, { kind: "review_comment", id: c.id }),
    start_line: c.outdated ? null : a.startLine,
    original_start_line: c.original.startLine,
    start_side: a.startLine === null ? null : a.startSide,
    line: c.outdated ? null : a.line,
    original_line: c.original.line,
    side: a.side,
    subject_type: a.subjectType,
  };
  if (c.inReplyToId !== null) out.in_reply_to_id = c.inReplyToId;
  return out;
}
