import type { Actor, SandboxCore } from "../core.ts";
import { validationFailed } from "../http/github-error.ts";
import { renderStatus, renderStatusCommit } from "../render/status.ts";
import type { CommitStatusRecord, RepoRecord } from "../state/types.ts";
import { protectionOf } from "./branch-protection.ts";
import { emitEvent } from "./emit.ts";

/** "There is a limit of 1000 statuses per sha and context within a repository." */
export const STATUSES_PER_CONTEXT = 1000;

export type StatusState = CommitStatusRecord["state"];

/**
 * Creates a commit status as GitHub does (repos/create-commit-status): on a commit of the
 * repository (422 "No commit found for SHA" otherwise), `context` "default" when not given, at
 * most 1,000 per sha and context (422 past that); the `status` webhook follows.
 */
export async function createStatus(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  sha: string,
  input: {
    state: StatusState;
    context?: string;
    description?: string | null;
    target_url?: string | null;
  },
): Promise<CommitStatusRecord> {
  const commit = await core.git.getCommit(repo.id, sha);
  if (!commit)
    throw validationFailed("Status", "sha", "invalid", `No commit found for SHA: ${sha}`);
  const context = input.context ?? "default";
  const same = core.store.state.statuses.filter(
    (s) => s.repoId === repo.id && s.sha === commit.sha && s.context === context,
  );
  if (same.length >= STATUSES_PER_CONTEXT)
    throw validationFailed(
      "Status",
      "context",
      "custom",
      `This SHA and context has reached the maximum number of statuses (${STATUSES_PER_CONTEXT}).`,
    );
  const now = core.store.now();
  const record: CommitStatusRecord = {
    id: core.store.newId(),
    repoId: repo.id,
    sha: commit.sha,
    state: input.state,
    context,
    description: input.description ?? null,
    targetUrl: input.target_url ?? null,
    creatorId: actor.accountId,
    createdAt: now,
    updatedAt: now,
  };
  core.store.state.statuses.push(record);
  core.store.changed();
  const branches: { name: string; commit: { sha: string; url: string }; protected: boolean }[] = [];
  // "Each branch contains the given SHA, but the SHA may or may not be the head" (at most 10).
  for (const [ref, tip] of await core.git.refs(repo.id)) {
    if (branches.length >= 10 || !ref.startsWith("refs/heads/")) continue;
    if (tip !== commit.sha && !(await core.git.isAncestor(repo.id, commit.sha, tip))) continue;
    const name = ref.slice("refs/heads/".length);
    branches.push({
      name,
      commit: {
        sha: tip,
        url: `${core.urls.api}/repos/${core.store.fullName(repo)}/commits/${tip}`,
      },
      protected: protectionOf(core, repo, name) !== undefined,
    });
  }
  const rendered = renderStatus(core, repo, record);
  emitEvent(core, actor, "status", null, repo.id, {
    id: record.id,
    sha: record.sha,
    name: core.store.fullName(repo),
    target_url: record.targetUrl,
    context: record.context,
    description: record.description,
    state: record.state,
    avatar_url: rendered.avatar_url,
    commit: renderStatusCommit(core, repo, commit),
    branches,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  });
  return record;
}

/** The newest status of each context on a commit, newest first (what the combined view shows). */
export function latestStatuses(
  core: SandboxCore,
  repo: RepoRecord,
  sha: string,
): CommitStatusRecord[] {
  const latest = new Map<string, CommitStatusRecord>();
  for (const s of core.store.state.statuses)
    if (s.repoId === repo.id && s.sha === sha) latest.set(s.context, s);
  return [...latest.values()].sort((a, b) => b.id - a.id);
}

/**
 * The combined state: failure if any context's latest is `error` or `failure`, pending if there
 * is none or one is `pending`, success when every context's latest is `success`.
 */
export function combinedState(latest: CommitStatusRecord[]): "failure" | "pending" | "success" {
  if (latest.some((s) => s.state === "error" || s.state === "failure")) return "failure";
  if (latest.length === 0 || latest.some((s) => s.state === "pending")) return "pending";
  return "success";
}
