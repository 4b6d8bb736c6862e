import { assertObjectName } from "./cat-file.ts";
import { GitError } from "./errors.ts";
import { writeCommit } from "./objects-write.ts";
import { nulFields, type Git } from "./run-git.ts";
import type { GitCommitInfo } from "./types.ts";

export type TreeMerge = { ok: true; tree: string } | { ok: false; files: string[] };

/** A three-way merge of two commits with `git merge-tree --write-tree`; writes the tree, moves nothing. */
export async function mergeTrees(
  git: Git,
  ours: string,
  theirs: string,
  opts: { allowUnrelated?: boolean } = {},
): Promise<TreeMerge> {
  assertObjectName(ours);
  assertObjectName(theirs);
  const args = ["merge-tree", "--write-tree", "-z", "--name-only", "--no-messages"];
  if (opts.allowUnrelated) args.push("--allow-unrelated-histories");
  const result = await git([...args, ours, theirs], { okCodes: [0, 1, 128] });
  if (result.code === 128 && /unrelated histories/.test(result.stderr))
    return { ok: false, files: [] };
  if (result.code === 128)
    throw new GitError("git_failed", `merge-tree failed: ${result.stderr.trim()}`);
  const [tree = "", ...files] = nulFields(result).filter((f) => f !== "");
  return result.code === 0 ? { ok: true, tree } : { ok: false, files: [...new Set(files)] };
}

const plumbing = { name: "sandbox", email: "sandbox@localhost", date: "2000-01-01T00:00:00Z" };

/**
 * The tree of `commit` cherry-picked onto `onto`: a merge of `commit` with a stand-in for `onto` whose parent
 * is `commit`'s parent, so that parent is the merge base (git 2.39's merge-tree has no --merge-base).
 */
export async function cherryPickTree(
  git: Git,
  onto: GitCommitInfo,
  commit: GitCommitInfo,
): Promise<TreeMerge> {
  const parent = commit.parents[0];
  const standIn = await writeCommit(git, {
    tree: onto.tree,
    parents: parent === undefined ? [] : [parent],
    message: "cherry-pick base\n",
    author: plumbing,
  });
  return mergeTrees(git, standIn, commit.sha, { allowUnrelated: parent === undefined });
}
