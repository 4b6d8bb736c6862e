import { objectTypes } from "./cat-file.ts";
import { GitError } from "./errors.ts";
import { writeBlob } from "./objects-write.ts";
import type { Git } from "./run-git.ts";
import {
  clearPath,
  loadLeaves,
  removePath,
  setLeaf,
  writeLeaves,
  type Leaves,
} from "./tree-leaves.ts";
import { cleanPath } from "./tree-path.ts";
import type { GitTreeInput } from "./types.ts";

const modesOf: Record<GitTreeInput["type"], string[]> = {
  blob: ["100644", "100755", "120000"],
  tree: ["040000"],
  commit: ["160000"],
};

/**
 * GitHub's `POST /git/trees`: applies `entries` in order on top of `baseTree` (or an empty tree) and stores the
 * result. Nested paths update subtrees; `sha: null` deletes a file or directory. Returns the new tree's sha.
 * Throws GitError("invalid_input") for a bad mode, path or a sha that is not an object of the entry's type.
 */
export async function writeTree(
  git: Git,
  entries: GitTreeInput[],
  baseTree?: string | null,
): Promise<string> {
  await checkShas(git, entries);
  const leaves = await loadLeaves(git, baseTree ? `${baseTree}^{tree}` : null);
  for (const entry of entries) await applyEntry(git, leaves, entry);
  return writeLeaves(git, leaves);
}

async function applyEntry(git: Git, leaves: Leaves, entry: GitTreeInput): Promise<void> {
  const path = cleanPath(entry.path);
  if (path === "") throw new GitError("invalid_input", "a tree entry needs a path");
  if (!modesOf[entry.type]?.includes(entry.mode)) {
    throw new GitError(
      "invalid_input",
      `mode ${entry.mode} does not fit type ${entry.type} (${path})`,
    );
  }
  if (entry.content !== undefined && entry.sha !== undefined) {
    throw new GitError("invalid_input", `give either sha or content, not both (${path})`);
  }
  if (entry.sha === null) return removePath(leaves, path);
  if (entry.type === "tree") {
    if (entry.sha === undefined)
      throw new GitError("invalid_input", `a tree entry needs a sha (${path})`);
    clearPath(leaves, path);
    for (const [sub, leaf] of await loadLeaves(git, entry.sha, path)) leaves.set(sub, leaf);
    return;
  }
  const sha = entry.content !== undefined ? await writeBlob(git, entry.content) : entry.sha;
  if (sha === undefined)
    throw new GitError("invalid_input", `a tree entry needs sha or content (${path})`);
  setLeaf(leaves, path, entry.mode, sha);
}

async function checkShas(git: Git, entries: GitTreeInput[]): Promise<void> {
  for (const e of entries) {
    if (typeof e.sha === "string" && !/^[0-9a-f]{40}$/.test(e.sha)) {
      throw new GitError("invalid_input", `not a sha: ${JSON.stringify(e.sha)} (${e.path})`);
    }
  }
  const given = entries.filter(
    (e): e is GitTreeInput & { sha: string } => typeof e.sha === "string" && e.type !== "commit",
  );
  const types = await objectTypes(
    git,
    given.map((e) => e.sha),
  );
  given.forEach((entry, i) => {
    if (types[i] !== entry.type) {
      throw new GitError(
        "invalid_input",
        `${entry.sha} is not a valid ${entry.type} (${entry.path})`,
      );
    }
  });
}
