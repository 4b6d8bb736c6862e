import { GitError } from "./errors.ts";
import { mergeTrees } from "./merge-tree.ts";
import { writeCommit } from "./objects-write.ts";
import { replayCommits } from "./rebase.ts";
import { fullRef, readRef, resolveCommit, updateRef } from "./refs.ts";
import type { Git } from "./run-git.ts";
import type { MergeInput, MergeOutcome } from "./types.ts";

/**
 * Merges `head` into the branch `base` the way GitHub's merge button does (merge commit, squash, or rebase),
 * then moves the branch with a compare-and-swap. A conflict returns `{ ok: false }` and moves nothing.
 * Throws GitError("not_found") for a missing branch or head, GitError("ref_update_failed") if base moved meanwhile.
 */
export async function merge(git: Git, input: MergeInput): Promise<MergeOutcome> {
  const ref = fullRef(input.base);
  const [baseHead, head] = await Promise.all([readRef(git, ref), resolveCommit(git, input.head)]);
  if (baseHead === null) throw new GitError("not_found", `no branch ${input.base}`);
  if (head === null) throw new GitError("not_found", `no commit ${input.head}`);
  const committer = input.committer ?? input.author;
  let outcome: MergeOutcome;
  if (input.method === "rebase") {
    outcome = await replayCommits(git, baseHead, head, committer);
  } else {
    const merged = await mergeTrees(git, baseHead, head);
    if (!merged.ok) return { ok: false, reason: "conflict", files: merged.files };
    const parents = input.method === "merge" ? [baseHead, head] : [baseHead];
    const { message, author } = input;
    outcome = {
      ok: true,
      sha: await writeCommit(git, { tree: merged.tree, parents, message, author, committer }),
    };
  }
  if (outcome.ok && outcome.sha !== baseHead) await updateRef(git, ref, outcome.sha, baseHead);
  return outcome;
}

/** Whether `head` merges into `baseBranch` without conflicts (nothing is committed or moved). */
export async function mergeable(git: Git, baseBranch: string, head: string): Promise<boolean> {
  const [baseHead, headSha] = await Promise.all([
    readRef(git, fullRef(baseBranch)),
    resolveCommit(git, head),
  ]);
  if (baseHead === null || headSha === null) return false;
  return (await mergeTrees(git, baseHead, headSha)).ok;
}
