import type { SandboxCore } from "../core.ts";
import type { GitCommitInfo } from "../git/types.ts";
import { nodeId } from "../state/node-id.ts";
import type { CommitStatusRecord, RepoRecord } from "../state/types.ts";
import { renderUser } from "./user.ts";

/** A commit status as the REST API renders it (`status`). */
export function renderStatus(
  core: SandboxCore,
  repo: RepoRecord,
  s: CommitStatusRecord,
): Record<string, unknown> {
  const creator = core.store.state.accounts.find((a) => a.id === s.creatorId);
  return {
    url: `${core.urls.api}/repos/${core.store.fullName(repo)}/statuses/${s.sha}`,
    avatar_url: creator ? `${core.urls.server}/avatars/u/${creator.id}?v=4` : null,
    id: s.id,
    node_id: nodeId("StatusContext", s.id),
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    creator: creator ? renderUser(core.urls, creator) : null,
  };
}

/** The commit in a `status` webhook: the REST commit's shape, unsigned. */
export function renderStatusCommit(
  core: SandboxCore,
  repo: RepoRecord,
  c: GitCommitInfo,
): Record<string, unknown> {
  const full = core.store.fullName(repo);
  const api = `${core.urls.api}/repos/${full}`;
  const who = (p: GitCommitInfo["author"]) => ({ name: p.name, email: p.email, date: p.date });
  return {
    sha: c.sha,
    node_id: nodeId("Commit", `${repo.id}:${c.sha}`),
    commit: {
      author: who(c.author),
      committer: who(c.committer),
      message: c.message,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
      url: `${api}/git/commits/${c.sha}`,
      comment_count: 0,
      verification: {
        verified: false,
        reason: "unsigned",
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    url: `${api}/commits/${c.sha}`,
    html_url: `${core.urls.server}/${full}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    author: null,
    committer: null,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `${core.urls.server}/${full}/commit/${p}`,
    })),
  };
}
