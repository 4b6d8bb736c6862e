/**
 * Pull request reviews and their comments as GitHub stores them. Every review comment belongs to
 * a review (a single comment or a reply gets its own COMMENTED review); a thread is a first
 * comment (`inReplyToId: null`) and the replies that point at it.
 */
export type ReviewState = "PENDING" | "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";

export interface ReviewRecord {
  id: number;
  repoId: number;
  /** The pull request's issue id. */
  issueId: number;
  userId: number;
  body: string;
  state: ReviewState;
  /** The commit reviewed. */
  commitId: string;
  /** Null while pending. */
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type DiffSide = "LEFT" | "RIGHT";

/** Where a comment sits in a pull request's diff (lines of the file on that side). */
export interface DiffAnchor {
  subjectType: "line" | "file";
  side: DiffSide;
  startSide: DiffSide | null;
  line: number | null;
  startLine: number | null;
  /** The line's index in the file's patch (GitHub's deprecated `position`). */
  position: number | null;
  /** The patch from the line's hunk header down to the line. */
  diffHunk: string;
}

export interface ReviewCommentRecord {
  id: number;
  repoId: number;
  issueId: number;
  reviewId: number;
  userId: number;
  body: string;
  path: string;
  /** Where it sits now; `line` and `position` are shown as null once outdated. */
  anchor: DiffAnchor;
  /** Where it was written. */
  original: { line: number | null; startLine: number | null; position: number | null };
  /** The last commit the comment applies to (it stops moving once outdated). */
  commitId: string;
  originalCommitId: string;
  /** The merge base the LEFT side's lines belong to. */
  baseCommitId: string;
  /** A later push changed the lines it refers to. */
  outdated: boolean;
  /** The thread's first comment (replies to replies point at it too). */
  inReplyToId: number | null;
  /** On a thread's first comment: who resolved the thread, null when unresolved. */
  resolvedById: number | null;
  createdAt: string;
  updatedAt: string;
}
