import { splitRepo, type GitHubClient } from "./client.ts";
import type { Action } from "../core/actions.ts";
import type { IssueRef } from "../core/state.ts";
import { marker } from "../spec/markers.ts";
import { applyBoard, createBoard } from "./apply-board.ts";
import { createSubIssues } from "./create-sub-issues.ts";
import { applyRelease } from "../deploy/apply-release.ts";

const MARK_READY = `mutation($id: ID!) { markPullRequestReadyForReview(input: { pullRequestId: $id }) { clientMutationId } }`;

/**
 * Marks a draft ready for review: with the node id the reconcile read, one mutation; when that
 * fails (or the id is unknown), the pull request is read and marked only if still a draft.
 */
async function markReady(
  octokit: GitHubClient,
  a: { repo: string; number: number; nodeId?: string },
): Promise<void> {
  if (a.nodeId) {
    try {
      await octokit.graphql(MARK_READY, { id: a.nodeId });
      return;
    } catch (err) {
      if (isStatus(err, 500, 502, 503, 504)) throw err;
    }
  }
  const pr = await octokit.rest.pulls.get({ ...splitRepo(a.repo), pull_number: a.number });
  if (!pr.data.draft) return;
  await octokit.graphql(MARK_READY, { id: pr.data.node_id });
}

function isStatus(err: unknown, ...statuses: number[]): boolean {
  return statuses.includes((err as { status?: number }).status ?? 0);
}

/** A comment body carrying its idempotence key, so a redo finds it instead of posting twice. */
export function keyedComment(key: string, body: string): string {
  return `${body}\n\n${marker("comment", { key })}`;
}

/**
 * Applies reconcile's actions in a safe order: sub-issues first (batched into one GraphQL
 * request), then links, bodies (a spec before the label that starts its run), labels, comments and closing. A write that finds its
 * result already there (a label present, a link made) counts as done.
 */
export async function applyActions(
  octokit: GitHubClient,
  hub: IssueRef,
  actions: Action[],
): Promise<void> {
  const creates = actions.filter((a) => a.kind === "create-sub-issue");
  if (creates.length) await createSubIssues(octokit, hub, creates);
  const rank: Record<Action["kind"], number> = {
    "create-sub-issue": 0,
    "add-blocked-by": 1,
    // A body (a new spec) is written before the label that starts its run.
    "update-body": 2,
    "remove-label": 3,
    "add-labels": 4,
    comment: 5,
    close: 6,
    reopen: 6,
    "mark-ready": 6,
    "update-branch": 6,
    "delete-comment": 7,
    // The board shows what the other writes made (it is read again next round).
    "create-board": 8,
    board: 8,
    // The integration phase and deployments: after the hub's body records their dispatches.
    "dispatch-workflow": 9,
    "integration-check": 9,
    "create-deployment": 9,
    "dispatch-deployment": 9,
  };
  const rest = actions
    .filter((a) => a.kind !== "create-sub-issue")
    .sort((a, b) => rank[a.kind] - rank[b.kind]);
  for (const a of rest) await applyOne(octokit, a);
}

async function applyOne(octokit: GitHubClient, a: Action): Promise<void> {
  switch (a.kind) {
    case "create-sub-issue":
      return;
    case "board":
      return applyBoard(octokit, a);
    case "create-board":
      return createBoard(octokit, a);
    case "dispatch-workflow":
    case "integration-check":
    case "create-deployment":
    case "dispatch-deployment":
      return applyRelease(octokit, a);
    case "add-blocked-by":
      try {
        await octokit.request(
          "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by",
          { ...splitRepo(a.issue.repo), issue_number: a.issue.number, issue_id: a.blockedBy.id },
        );
      } catch (err) {
        if (!isStatus(err, 422)) throw err; // already linked
      }
      return;
    case "add-labels":
      await octokit.rest.issues.addLabels({
        ...splitRepo(a.issue.repo),
        issue_number: a.issue.number,
        labels: a.labels,
      });
      return;
    case "remove-label":
      try {
        await octokit.rest.issues.removeLabel({
          ...splitRepo(a.issue.repo),
          issue_number: a.issue.number,
          name: a.label,
        });
      } catch (err) {
        if (!isStatus(err, 404)) throw err;
      }
      return;
    case "update-body":
      await octokit.rest.issues.update({
        ...splitRepo(a.issue.repo),
        issue_number: a.issue.number,
        body: a.body,
      });
      return;
    case "comment":
      await octokit.rest.issues.createComment({
        ...splitRepo(a.issue.repo),
        issue_number: a.issue.number,
        body: keyedComment(a.key, a.body),
      });
      return;
    case "delete-comment":
      try {
        await octokit.rest.issues.deleteComment({ ...splitRepo(a.repo), comment_id: a.commentId });
      } catch (err) {
        if (!isStatus(err, 404)) throw err;
      }
      return;
    case "update-branch":
      try {
        await octokit.rest.pulls.updateBranch({ ...splitRepo(a.repo), pull_number: a.number });
      } catch (err) {
        // A conflict: the pull request reads as conflicting and gets a conflict round.
        if (!isStatus(err, 422)) throw err;
      }
      return;
    case "mark-ready":
      return markReady(octokit, a);
    case "reopen":
      await octokit.rest.issues.update({
        ...splitRepo(a.issue.repo),
        issue_number: a.issue.number,
        state: "open",
      });
      return;
    case "close":
      await octokit.rest.issues.update({
        ...splitRepo(a.issue.repo),
        issue_number: a.issue.number,
        state: "closed",
        state_reason: a.reason === "duplicate" ? "duplicate" : a.reason,
      });
      return;
  }
}
