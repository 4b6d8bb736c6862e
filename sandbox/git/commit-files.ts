import { objectTypes } from "./cat-file.ts";
import { GitError } from "./errors.ts";
import { getCommit } from "./history.ts";
import { writeBlob, writeCommit } from "./objects-write.ts";
import { fullRef, readRef, updateRef } from "./refs.ts";
import type { Git } from "./run-git.ts";
import { loadLeaves, removePath, setLeaf, writeLeaves } from "./tree-leaves.ts";
import { cleanPath } from "./tree-path.ts";
import type { CommitFilesInput, CommitFilesResult } from "./types.ts";

/**
 * Commits `changes` on top of the branch's head (a root commit on an unborn branch) and moves the branch with a
 * compare-and-swap. A file keeps its mode unless the change gives one. Throws GitError("ref_update_failed") if
 * the branch moved meanwhile (or is not at `parentSha`).
 */
export async function commitFiles(git: Git, input: CommitFilesInput): Promise<CommitFilesResult> {
  const ref = fullRef(input.branch);
  const parent = input.parentSha !== undefined ? input.parentSha : await readRef(git, ref);
  if (parent !== null && (await objectTypes(git, [parent]))[0] !== "commit") {
    throw new GitError("not_found", `parent ${parent} is not a commit`);
  }
  const leaves = await loadLeaves(git, parent === null ? null : `${parent}^{tree}`);
  const blobs: Record<string, string> = {};
  const written = await Promise.all(
    input.changes.map((c) => (c.content === null ? null : writeBlob(git, c.content))),
  );
  input.changes.forEach((change, i) => {
    const path = cleanPath(change.path);
    if (path === "") throw new GitError("invalid_input", "a file change needs a path");
    const sha = written[i];
    if (sha === null || sha === undefined) return removePath(leaves, path);
    setLeaf(leaves, path, change.mode ?? leaves.get(path)?.mode ?? "100644", sha);
    blobs[path] = sha;
  });
  const tree = await writeLeaves(git, leaves);
  const sha = await writeCommit(git, {
    tree,
    parents: parent === null ? [] : [parent],
    message: input.message,
    author: input.author,
    committer: input.committer ?? input.author,
  });
  await updateRef(git, ref, sha, parent);
  const commit = await getCommit(git, sha);
  if (!commit) throw new GitError("git_failed", `commit ${sha} vanished after it was written`);
  return { commit, blobs };
}
