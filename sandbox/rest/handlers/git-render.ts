import type { SandboxCore } from "../../core.ts";
import type { GitCommitInfo } from "../../git/types.ts";
import { nodeId } from "../../state/node-id.ts";
import type { RepoRecord } from "../../state/types.ts";

/** A `git-commit` object (`/git/commits/{sha}` and the contents API's `commit`). */
export function renderGitCommit(
  core: SandboxCore,
  repo: RepoRecord,
  c: GitCommitInfo,
): Record<string, unknown> {
  const full = core.store.fullName(repo);
  const api = `${core.urls.api}/repos/${full}/git`;
  return {
    sha: c.sha,
    node_id: nodeId("Commit", c.sha),
    url: `${api}/commits/${c.sha}`,
    html_url: `${core.urls.server}/${full}/commit/${c.sha}`,
    author: c.author,
    committer: c.committer,
    tree: { sha: c.tree, url: `${api}/trees/${c.tree}` },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `${core.urls.server}/${full}/commit/${p}`,
    })),
    verification: {
      verified: false,
      reason: "unsigned",
      signature: null,
      payload: null,
      verified_at: null,
    },
  };
}

export function renderRef(
  core: SandboxCore,
  repo: RepoRecord,
  ref: string,
  sha: string,
): Record<string, unknown> {
  const full = core.store.fullName(repo);
  return {
    ref,
    node_id: nodeId("Ref", `${repo.id}:${ref}`),
    url: `${core.urls.api}/repos/${full}/git/${ref}`,
    object: { type: "commit", sha, url: `${core.urls.api}/repos/${full}/git/commits/${sha}` },
  };
}
