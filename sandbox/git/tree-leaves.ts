import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertObjectName } from "./cat-file.ts";
import { nulFields, text, type Git } from "./run-git.ts";

/** A tree flattened to its leaves (blobs, symlinks, submodules): path → mode and sha. Editing it edits the tree. */
export type Leaves = Map<string, { mode: string; sha: string }>;

/** The leaves of `tree` (any tree-ish), or none for null. */
export async function loadLeaves(git: Git, tree: string | null, prefix = ""): Promise<Leaves> {
  const leaves: Leaves = new Map();
  if (tree === null) return leaves;
  assertObjectName(tree);
  for (const field of nulFields(await git(["ls-tree", "-r", "-z", tree]))) {
    const tab = field.indexOf("\t");
    const [mode = "", , sha = ""] = field.slice(0, tab).split(" ");
    const path = field.slice(tab + 1);
    leaves.set(prefix ? `${prefix}/${path}` : path, { mode, sha });
  }
  return leaves;
}

/** Removes `path` whether it is a leaf or a directory. */
export function removePath(leaves: Leaves, path: string): void {
  leaves.delete(path);
  for (const key of [...leaves.keys()]) if (key.startsWith(`${path}/`)) leaves.delete(key);
}

/** Removes whatever is at `path` and any file where one of its parent directories goes. */
export function clearPath(leaves: Leaves, path: string): void {
  removePath(leaves, path);
  const parts = path.split("/");
  for (let i = 1; i < parts.length; i++) leaves.delete(parts.slice(0, i).join("/"));
}

/** Sets a leaf, replacing a directory at `path` and any file where one of its parent directories goes. */
export function setLeaf(leaves: Leaves, path: string, mode: string, sha: string): void {
  clearPath(leaves, path);
  leaves.set(path, { mode, sha });
}

/** Writes the leaves as a tree (through a throwaway index file); returns the root tree's sha. */
export async function writeLeaves(git: Git, leaves: Leaves): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "havun-index-"));
  try {
    const env = { GIT_INDEX_FILE: join(dir, "index") };
    const records = [...leaves].map(([path, { mode, sha }]) => `${mode} ${sha}\t${path}\0`);
    await git(["update-index", "-z", "--index-info"], { input: records.join(""), env });
    return text(await git(["write-tree"], { env }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
