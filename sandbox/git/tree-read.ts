import { assertObjectName, readObject } from "./cat-file.ts";
import { nulFields, text, type Git } from "./run-git.ts";
import { cleanPath } from "./tree-path.ts";
import type { GitTreeEntry } from "./types.ts";

export interface GitFile {
  sha: string;
  size: number;
  content: Buffer;
  mode: string;
}

/** Parses `git ls-tree -z -l` output; paths get `prefix/` in front. */
export function parseLsTree(fields: string[], prefix = ""): GitTreeEntry[] {
  return fields.map((field) => {
    const tab = field.indexOf("\t");
    const [mode = "", type = "", sha = "", size = "-"] = field.slice(0, tab).split(/ +/);
    const path = prefix ? `${prefix}/${field.slice(tab + 1)}` : field.slice(tab + 1);
    const entry: GitTreeEntry = { path, mode, type: type as GitTreeEntry["type"], sha };
    if (size !== "-") entry.size = Number(size);
    return entry;
  });
}

/** The file at `path` in `rev` (a commit or tree), or null if there is none or it is a directory or submodule. */
export async function readFile(git: Git, rev: string, path: string): Promise<GitFile | null> {
  assertObjectName(rev);
  const clean = cleanPath(path);
  if (clean === "") return null;
  const [listing, object] = await Promise.all([
    git(["ls-tree", "-z", rev, "--", clean], { okCodes: [0, 128] }),
    readObject(git, `${rev}:${clean}`),
  ]);
  if (listing.code !== 0 || object?.type !== "blob") return null;
  const entry = parseLsTree(nulFields(listing)).find((e) => e.path === clean);
  if (!entry || entry.type !== "blob") return null;
  return {
    sha: object.sha,
    size: object.content.length,
    content: object.content,
    mode: entry.mode,
  };
}

/**
 * The entries of the directory at `path` in `rev` (a commit or tree), with paths from the root and sizes for
 * blobs; `recursive` lists subtrees too (trees included, as GitHub's trees API does). Null if it is not a directory.
 */
export async function listTree(
  git: Git,
  rev: string,
  path = "",
  recursive = false,
): Promise<GitTreeEntry[] | null> {
  assertObjectName(rev);
  const clean = cleanPath(path);
  const treeish = clean === "" ? `${rev}^{tree}` : `${rev}:${clean}`;
  const args = ["ls-tree", "-z", "-l", ...(recursive ? ["-r", "-t"] : []), treeish];
  const result = await git(args, { okCodes: [0, 128] });
  return result.code === 0 ? parseLsTree(nulFields(result), clean) : null;
}

/** What `path` is in `rev`: a file (blob, incl. symlinks), a directory, or nothing (null). */
export async function pathType(
  git: Git,
  rev: string,
  path: string,
): Promise<"file" | "dir" | null> {
  assertObjectName(rev);
  const clean = cleanPath(path);
  const name = clean === "" ? `${rev}^{tree}` : `${rev}:${clean}`;
  const result = await git(["cat-file", "-t", name], { okCodes: [0, 128] });
  if (result.code !== 0) return null;
  const type = text(result);
  return type === "blob" ? "file" : type === "tree" ? "dir" : null;
}
