import { GitError } from "./errors.ts";
import { getCommit, getCommits, revList } from "./history.ts";
import { cherryPickTree } from "./merge-tree.ts";
import { writeCommit } from "./objects-write.ts";
import type { Git } from "./run-git.ts";
import type { GitIdentity, MergeOutcome } from "./types.ts";

/**
 * Replays the non-merge commits of `head` that `onto` lacks, oldest first, each keeping its author and message
 * and getting `committer`. Commits that become empty are dropped. Writes commits only; moves no ref.
 */
export async function replayCommits(
  git: Git,
  onto: string,
  head: string,
  committer: GitIdentity,
): Promise<MergeOutcome> {
  const commits = await getCommits(git, await revList(git, onto, head, { noMerges: true }));
  let current = await getCommit(git, onto);
  if (!current) throw new GitError("not_found", `no commit ${onto}`);
  for (const commit of commits) {
    const picked = await cherryPickTree(git, current, commit);
    if (!picked.ok) return { ok: false, reason: "conflict", files: picked.files };
    if (picked.tree === current.tree) continue;
    const sha = await writeCommit(git, {
      tree: picked.tree,
      parents: [current.sha],
      message: commit.message,
      author: commit.author,
      committer,
    });
    current = { ...commit, sha, tree: picked.tree, parents: [current.sha] };
  }
  return { ok: true, sha: current.sha };
}
