import type { GitDiffFile } from "./types.ts";

export interface RawChange {
  status: GitDiffFile["status"];
  path: string;
  previousPath?: string;
  oldSha: string;
  newSha: string;
}

const statuses: Record<string, GitDiffFile["status"]> = {
  A: "added",
  D: "removed",
  M: "modified",
  T: "modified",
  R: "renamed",
  C: "added",
};

/** Parses `git diff --raw -z --no-abbrev` (`:old-mode new-mode old-sha new-sha status NUL path NUL [path NUL]`). */
export function parseRaw(fields: string[]): RawChange[] {
  const changes: RawChange[] = [];
  for (let i = 0; i < fields.length;) {
    const [, , oldSha = "", newSha = "", code = ""] = (fields[i++] ?? "").slice(1).split(" ");
    const letter = code.charAt(0);
    const first = fields[i++] ?? "";
    const change: RawChange = {
      status: statuses[letter] ?? "modified",
      path: first,
      oldSha,
      newSha,
    };
    if (letter === "R" || letter === "C") {
      change.path = fields[i++] ?? "";
      if (letter === "R") change.previousPath = first;
    }
    changes.push(change);
  }
  return changes;
}

/** Parses `git diff --numstat -z` into added/deleted line counts per change, in diff order; binaries are null. */
export function parseNumstat(
  fields: string[],
): ({ additions: number; deletions: number } | null)[] {
  const counts: ({ additions: number; deletions: number } | null)[] = [];
  for (let i = 0; i < fields.length;) {
    const [added = "-", deleted = "-", path = ""] = (fields[i++] ?? "").split("\t");
    if (path === "") i += 2; // a rename: old and new path follow
    counts.push(added === "-" ? null : { additions: Number(added), deletions: Number(deleted) });
  }
  return counts;
}

/** Splits a full patch into one hunk text per file (GitHub's `patch`: from the first `@@`), in diff order. */
export function splitPatch(patch: string): (string | undefined)[] {
  if (patch === "") return [];
  return patch
    .split(/^(?=diff --git )/m)
    .filter((chunk) => chunk.startsWith("diff --git "))
    .map((chunk) => {
      const hunks = chunk.search(/^@@/m);
      return hunks === -1 ? undefined : chunk.slice(hunks).replace(/\n$/, "");
    });
}
