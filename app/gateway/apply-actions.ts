import { splitRepo, type GitHubClient } from "./client.ts";
import type { Action } from "../core/actions.ts";
import type { IssueRef } from "../core/state.ts";
import { marker } from "../spec/markers.ts";
import { applyBoard, createBoard } from "./apply-board.ts";
import { createSubIssues, type CreatedIssue } from "./create-sub-issues.ts";
import { addBlockedByLinks } from "./add-blocked-by.ts";
import { writeIssues } from "./issue-writes.ts";
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
 * request), then blocked-by links (likewise), bodies (a spec before the label that starts its
 * run), labels, comments and closing. A write that finds its result already there (a label
 * present, a link made) counts as done.
 */
export async function applyActions(
  octokit: GitHubClient,
  hub: IssueRef,
  actions: Action[],
  /** Told the sub-issues the filing made, before anything else is written. */
  o: { onCreated?: (created: CreatedIssue[]) => void } = {},
): Promise<void> {
  const creates = actions.filter((a) => a.kind === "create-sub-issue");
  if (creates.length) o.onCreated?.(await createSubIssues(octokit, hub, creates));
  // Then the links, all in one aliased GraphQL request.
  const links = actions.filter((a) => a.kind === "add-blocked-by");
  if (links.length) await addBlockedByLinks(octokit, links);
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
    .filter((a) => a.kind !== "create-sub-issue" && a.kind !== "add-blocked-by")
    .sort((a, b) => rank[a.kind] - rank[b.kind]);
  // Issue writes go as GraphQL mutations, a run of them per request: first the sub-issues'
  // bodies (a spec is in place before anything can start its run), then the hub's body, labels,
  // comments, closing, marking ready and the board's new values (after what they show). What GraphQL cannot take or refused goes over REST,
  // before the next run starts.
  const specs = (a: Action) =>
    a.kind === "update-body" &&
    !(a.issue.repo.toLowerCase() === hub.repo.toLowerCase() && a.issue.number === hub.number);
  let run: Action[] = [];
  const flush = async () => {
    for (const a of await writeIssues(octokit, run, keyedComment))
      // A mark-ready GraphQL refused is not asked again: the pull request is read instead.
      await applyOne(octokit, a.kind === "mark-ready" ? { ...a, nodeId: undefined } : a);
    run = [];
  };
  for (const a of rest) {
    const batchable =
      ISSUE_WRITES.has(a.kind) || (a.kind === "board" && !a.fields.length && !a.add.length);
    if (!batchable) {
      await flush();
      await applyOne(octokit, a);
      continue;
    }
    // A spec body ends the run before it: the run after it starts with the specs written.
    if (run.length && specs(run[run.length - 1]!) && !specs(a)) await flush();
    run.push(a);
  }
  await flush();
}

/** The kinds written as GraphQL mutations (app/gateway/issue-writes.ts). */
const ISSUE_WRITES = new Set<Action["kind"]>([
  "update-body",
  "remove-label",
  "add-labels",
  "comment",
  "close",
  "reopen",
  "mark-ready",
]);

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
      return addBlockedByLinks(octokit, [a]);
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
