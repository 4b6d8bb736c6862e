import type { Actor, SandboxCore } from "../core.ts";
import { GitHubError, validationFailed } from "../http/github-error.ts";
import { renderPull } from "../render/pull.ts";
import type { IssueRecord, PullRecord, RepoRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";
import { createIssue, setState } from "./issues.ts";
import { followReviewComments } from "./review-follow.ts";

/** Recomputes what renderers show synchronously: diff stats, commits, mergeability, comment lines. */
export async function refreshPull(core: SandboxCore, pr: PullRecord): Promise<void> {
  if (pr.merged) return;
  const base = (await core.git.resolve(pr.repoId, `refs/heads/${pr.baseRef}`)) ?? pr.baseSha;
  pr.baseSha = base;
  const files = await core.git.diffFiles(pr.repoId, base, pr.headSha);
  const mergeBase = await core.git.mergeBase(pr.repoId, base, pr.headSha);
  const commits = await core.git.commitsBetween(pr.repoId, mergeBase, pr.headSha);
  pr.stats = {
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changedFiles: files.length,
    commits: commits.length,
  };
  pr.mergeable = await core.git.mergeable(pr.repoId, pr.baseRef, pr.headSha);
  await followReviewComments(core, pr);
}

function emitPull(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  action: string,
  extra: Record<string, unknown> = {},
): void {
  emitEvent(core, actor, "pull_request", action, issue.repoId, {
    number: issue.number,
    pull_request: renderPull(core, issue),
    ...extra,
  });
}

export interface PullInput {
  title: string;
  body?: string | null;
  head: string;
  base: string;
  draft?: boolean;
  maintainerCanModify?: boolean;
}

/** Opens a pull request between two branches of one repository; emits `pull_request.opened`. */
export async function createPull(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  input: PullInput,
): Promise<IssueRecord> {
  const head = input.head.includes(":")
    ? input.head.slice(input.head.indexOf(":") + 1)
    : input.head;
  const headSha = await core.git.resolve(repo.id, `refs/heads/${head}`);
  const baseSha = await core.git.resolve(repo.id, `refs/heads/${input.base}`);
  if (!headSha) throw validationFailed("PullRequest", "head", "invalid");
  if (!baseSha) throw validationFailed("PullRequest", "base", "invalid");
  if (headSha === baseSha || (await core.git.isAncestor(repo.id, headSha, baseSha))) {
    throw validationFailed(
      "PullRequest",
      "head",
      "custom",
      `No commits between ${input.base} and ${head}`,
    );
  }
  const open = core.store.state.pulls.find(
    (p) =>
      p.repoId === repo.id &&
      p.headRef === head &&
      p.baseRef === input.base &&
      core.store.issueById(p.issueId)?.state === "open",
  );
  if (open) {
    const n = core.store.issueById(open.issueId)?.number;
    throw validationFailed(
      "PullRequest",
      "head",
      "custom",
      `A pull request already exists for ${core.store.accountById(repo.ownerId).login}:${head} (#${n}).`,
    );
  }
  const issue = createIssue(
    core,
    actor,
    repo,
    { title: input.title, body: input.body ?? null },
    { isPull: true, emit: false },
  );
  const pr: PullRecord = {
    issueId: issue.id,
    repoId: repo.id,
    headRef: head,
    headSha,
    headRepoId: repo.id,
    baseRef: input.base,
    baseSha,
    draft: input.draft ?? false,
    merged: false,
    mergedAt: null,
    mergedById: null,
    mergeCommitSha: null,
    maintainerCanModify: input.maintainerCanModify ?? true,
    stats: { additions: 0, deletions: 0, changedFiles: 0, commits: 0 },
    mergeable: null,
  };
  core.store.state.pulls.push(pr);
  await refreshPull(core, pr);
  emitPull(core, actor, issue, "opened");
  core.store.changed();
  return issue;
}

export async function updatePull(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  patch: { title?: string; body?: string | null; state?: "open" | "closed"; base?: string },
): Promise<void> {
  const pr = core.store.pull(issue.id);
  if (!pr) throw new GitHubError(404, "Not Found");
  const changes: Record<string, { from: unknown }> = {};
  if (patch.title !== undefined && patch.title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = patch.title;
  }
  if (patch.body !== undefined && patch.body !== issue.body) {
    changes.body = { from: issue.body };
    issue.body = patch.body;
    // GitHub's `editor` / `lastEditedAt` of the pull request's body, as for an issue's.
    issue.lastEditedById = actor.accountId;
    issue.lastEditedAt = core.store.now();
  }
  if (patch.base && patch.base !== pr.baseRef) {
    if (!(await core.git.resolve(pr.repoId, `refs/heads/${patch.base}`)))
      throw validationFailed("PullRequest", "base", "invalid");
    changes.base = { from: { ref: pr.baseRef, sha: pr.baseSha } };
    pr.baseRef = patch.base;
    await refreshPull(core, pr);
  }
  if (Object.keys(changes).length) {
    issue.updatedAt = core.store.now();
    emitPull(core, actor, issue, "edited", { changes });
  }
  if (patch.state && patch.state !== issue.state) {
    if (pr.merged)
      throw validationFailed(
        "PullRequest",
        "state",
        "custom",
        "Cannot change the state of a merged pull request.",
      );
    setState(core, actor, issue, patch.state, null);
    if (patch.state === "open") await refreshPull(core, pr);
    emitPull(core, actor, issue, patch.state === "closed" ? "closed" : "reopened");
  }
  core.store.changed();
}
