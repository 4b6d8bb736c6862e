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
  { ok: true; sha: string } | { ok: false; reason: "conflict"; files: string[] };

/** A ref update seen after a push. oldSha/newSha are 40 zeros for create/delete. */
export interface RefUpdate {
  ref: string;
  oldSha: string;
  newSha: string;
}

/** One entry of GitHub's `POST /git/trees`: `sha: null` deletes the path; `content` writes a new blob. */
export interface GitTreeInput {
  /** May be nested (`a/b/c.txt`): the base tree is updated recursively. */
  path: string;
  mode: "100644" | "100755" | "040000" | "160000" | "120000";
  type: "blob" | "tree" | "commit";
  sha?: string | null;
  content?: Buffer | string;
}

export interface GitCommitInput {
  tree: string;
  parents: string[];
  message: string;
  author: GitIdentity;
  /** Defaults to the author. */
  committer?: GitIdentity;
}

export interface CommitFilesInput {
  branch: string;
  /**
   * The head the branch is expected to have, which becomes the parent (null: the branch must not exist yet and
   * the commit is a root commit). Omitted: the branch's current head. The branch moves only if it still has it.
   */
  parentSha?: string | null;
  changes: GitFileChange[];
  message: string;
  author: GitIdentity;
  /** Defaults to the author. */
  committer?: GitIdentity;
}

export interface CommitFilesResult {
  commit: GitCommitInfo;
  /** The blob sha of every written (not deleted) path. */
  blobs: Record<string, string>;
}

export interface MergeInput {
  /** The branch that receives the merge. */
  base: string;
  /** The commit (or revision) to merge in. */
  head: string;
  method: MergeMethod;
  /** The commit message (merge and squash; rebase keeps each commit's own). */
  message: string;
  author: GitIdentity;
  /** Defaults to the author. */
  committer?: GitIdentity;
}
