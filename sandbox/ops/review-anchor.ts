import type { SandboxCore } from "../core.ts";
import { GitHubError } from "../http/github-error.ts";
import { diffHunk, lineAtPosition, lineOnSide, patchLines } from "../git/patch-lines.ts";
import type { DiffAnchor, DiffSide } from "../state/review-types.ts";
import type { PullRecord } from "../state/types.ts";

/** Where a client asks to put a comment (REST's `path`, `line`, `side`, … or `position`). */
export interface AnchorRequest {
  path: string;
  position?: number;
  line?: number;
  side?: DiffSide;
  startLine?: number;
  startSide?: DiffSide;
  subjectType?: "line" | "file";
}

/** What GitHub finds wrong with an anchor, in the order it reports them. */
export type AnchorProblem = "path" | "line" | "start_line" | "diff_hunk";

export interface Anchored {
  anchor: DiffAnchor;
  /** The merge base the diff was taken from (the LEFT side's lines). */
  baseCommitId: string;
}

/**
 * Anchors a comment to the pull request's diff at `commitId` (three-dot, from the merge base with
 * the base branch): the path must be a file of the diff and the line one the diff shows on that
 * side; a multi-line comment's start line must be in the same hunk, above the line.
 */
export async function anchorComment(
  core: SandboxCore,
  pr: PullRecord,
  commitId: string,
  want: AnchorRequest,
): Promise<Anchored | AnchorProblem[]> {
  const files = await core.git.diffFiles(pr.repoId, pr.baseSha, commitId);
  const file = files.find((f) => f.filename === want.path);
  if (!file) return ["path"];
  const baseCommitId = (await core.git.mergeBase(pr.repoId, pr.baseSha, commitId)) ?? pr.baseSha;
  const side = want.side ?? "RIGHT";
  if (want.subjectType === "file") {
    const anchor: DiffAnchor = {
      subjectType: "file",
      side,
      startSide: null,
      line: null,
      startLine: null,
      position: null,
      diffHunk: file.patch?.split("\n")[0] ?? "",
    };
    return { anchor, baseCommitId };
  }
  const patch = file.patch ?? "";
  const lines = patchLines(patch);
  let end: { at: (typeof lines)[number]; side: DiffSide; line: number } | null = null;
  if (want.line !== undefined) {
    const at = lineOnSide(lines, side, want.line);
    end = at ? { at, side, line: want.line } : null;
  } else if (want.position !== undefined) {
    end = lineAtPosition(lines, want.position);
  }
  const problems: AnchorProblem[] = [];
  if (!end) problems.push("line");
  let start: { line: number; side: DiffSide } | null = null;
  if (want.startLine !== undefined) {
    const startSide = want.startSide ?? side;
    const at = lineOnSide(lines, startSide, want.startLine);
    const ok = at && end && at.hunk === end.at.hunk && at.position < end.at.position;
    if (ok) start = { line: want.startLine, side: startSide };
    else problems.push("start_line");
  }
  if (!end) problems.push("diff_hunk");
  if (problems.length || !end) return problems;
  const anchor: DiffAnchor = {
    subjectType: "line",
    side: end.side,
    startSide: start?.side ?? null,
    line: end.line,
    startLine: start?.line ?? null,
    position: end.at.position,
    diffHunk: diffHunk(patch, lines, end.at),
  };
  return { anchor, baseCommitId };
}

function sentence(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`;
  return `${parts.slice(0, -1).join(", ")}, and ${parts.at(-1)}`;
}

const REVIEW_WORDS: Record<AnchorProblem, string> = {
  path: "Path could not be resolved",
  line: "Pull request review thread line must be part of the diff",
  start_line: "Pull request review thread start line must be part of the same hunk as the line.",
  diff_hunk: "Pull request review thread diff hunk can't be blank",
};

/** A review's comment that does not anchor: 422 "Unprocessable Entity" with one sentence. */
export function reviewAnchorError(problems: AnchorProblem[]): GitHubError {
  const path = problems.includes("path");
  const words = path ? [REVIEW_WORDS.path] : problems.map((p) => REVIEW_WORDS[p]);
  return new GitHubError(422, "Unprocessable Entity", [sentence(words)]);
}

/** A single comment that does not anchor: 422 "Validation Failed" with one entry per problem. */
export function commentAnchorError(problems: AnchorProblem[]): GitHubError {
  const entry = (p: AnchorProblem): Record<string, string> => {
    const resource = "PullRequestReviewComment";
    if (p === "path") return { resource, code: "invalid", field: "path" };
    const field = `pull_request_review_thread.${p}`;
    if (p === "diff_hunk") return { resource, code: "missing_field", field };
    const message =
      p === "line"
        ? `${field} must be part of the diff`
        : `${field} must be part of the same hunk as the line.`;
    return { resource, code: "custom", field, message };
  };
  const list = problems.includes("path") ? ["path" as const] : problems;
  return new GitHubError(422, "Validation Failed", list.map(entry));
}
