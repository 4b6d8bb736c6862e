/** What the sandbox asks of its git layer. Implemented over real bare repositories and git's CLI. */
export interface GitIdentity {
  name: string;
  email: string;
  /** ISO 8601; defaults to now. */
  date?: string;
}

export interface GitCommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: Required<GitIdentity>;
  committer: Required<GitIdentity>;
  message: string;
}

export interface GitTreeEntry {
  path: string;
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  size?: number;
}

export interface GitFileChange {
  path: string;
  /** New content; null deletes the file. */
  content: Buffer | string | null;
  mode?: "100644" | "100755";
}

export interface GitDiffFile {
  filename: string;
  previousFilename?: string;
  status: "added" | "removed" | "modified" | "renamed";
  additions: number;
  deletions: number;
  changes: number;
  /** Blob sha at head (at base for removed files). */
  sha: string;
  patch?: string;
}

export type MergeMethod = "merge" | "squash" | "rebase";

export type MergeOutcome =
  | { ok: true; sha: string }
  | { ok: false; reason: "conflict"; files: string[] };

/** A ref update seen after a push. oldSha/newSha are 40 zeros for create/delete. */
export interface RefUpdate {
  ref: string;
  oldSha: string;
  newSha: string;
}
