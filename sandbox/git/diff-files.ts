import { assertObjectName } from "./cat-file.ts";
import { parseNumstat, parseRaw, splitPatch } from "./diff-parse.ts";
import { mergeBase } from "./history.ts";
import { nulFields, type Git } from "./run-git.ts";
import type { GitDiffFile } from "./types.ts";

/** git's well-known empty tree: the base for unrelated histories. */
export const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

/** A patch larger than this is left out, as GitHub does. */
export const MAX_PATCH_BYTES = 1024 * 1024;

const common = ["-M", "--no-color", "--no-ext-diff", "--no-textconv"];

/** The files a pull request from `base` to `head` changes: three-dot, from their merge base to head. */
export async function diffFiles(git: Git, base: string, head: string): Promise<GitDiffFile[]> {
  assertObjectName(head);
  const from = (await mergeBase(git, base, head)) ?? EMPTY_TREE;
  const range = [from, head, "--"];
  const [raw, numstat, patch] = await Promise.all([
    git(["diff", "--raw", "-z", "--no-abbrev", ...common, ...range]),
    git(["diff", "--numstat", "-z", ...common, ...range]),
    git(["diff", "--patch", ...common, ...range]),
  ]);
  const counts = parseNumstat(nulFields(numstat));
  const patches = splitPatch(patch.stdout.toString("utf8"));
  return parseRaw(nulFields(raw)).map((change, i) => {
    const count = counts[i];
    const additions = count?.additions ?? 0;
    const deletions = count?.deletions ?? 0;
    const file: GitDiffFile = {
      filename: change.path,
      status: change.status,
      additions,
      deletions,
      changes: additions + deletions,
      sha: change.status === "removed" ? change.oldSha : change.newSha,
    };
    if (change.previousPath !== undefined) file.previousFilename = change.previousPath;
    const text = count ? patches[i] : undefined;
    if (text !== undefined && Buffer.byteLength(text) <= MAX_PATCH_BYTES) file.patch = text;
    return file;
  });
}
