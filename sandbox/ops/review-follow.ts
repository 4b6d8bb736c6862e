import type { SandboxCore } from "../core.ts";
import { followLine, hunkRanges, lineOnSide, patchLines } from "../git/patch-lines.ts";
import { gitAt } from "../git/run-git.ts";
import type { GitDiffFile } from "../git/types.ts";
import type { DiffSide, ReviewCommentRecord } from "../state/review-types.ts";
import type { PullRecord } from "../state/types.ts";

/** Where `line` of `path` at `from` is at `to` (null: a change between them touched it). */
async function lineAt(
  core: SandboxCore,
  repoId: number,
  path: string,
  line: number,
  from: string,
  to: string,
): Promise<number | null> {
  if (from === to) return line;
  const git = gitAt(core.git.gitDir(repoId));
  const args = ["diff", "-U0", "--no-renames", "--no-color", "--no-ext-diff", from, to, "--", path];
  const out = await git(args);
  return followLine(hunkRanges(out.stdout.toString("utf8")), line);
}

interface Target {
  head: string;
  mergeBase: string;
  file: GitDiffFile | undefined;
}

async function follow(core: SandboxCore, c: ReviewCommentRecord, t: Target): Promise<void> {
  if (!t.file) {
    c.outdated = true;
    return;
  }
  if (c.anchor.subjectType === "file" || c.anchor.line === null) {
    c.commitId = t.head;
    return;
  }
  const move = (side: DiffSide, line: number) =>
    side === "RIGHT"
      ? lineAt(core, c.repoId, c.path, line, c.commitId, t.head)
      : lineAt(core, c.repoId, c.path, line, c.baseCommitId, t.mergeBase);
  const line = await move(c.anchor.side, c.anchor.line);
  const start =
    c.anchor.startLine === null
      ? null
      : await move(c.anchor.startSide ?? c.anchor.side, c.anchor.startLine);
  const lines = patchLines(t.file.patch ?? "");
  const end = line === null ? null : lineOnSide(lines, c.anchor.side, line);
  const startAt =
    start === null ? null : lineOnSide(lines, c.anchor.startSide ?? c.anchor.side, start);
  const startLost = c.anchor.startLine !== null && (!startAt || startAt.hunk !== end?.hunk);
  if (!end || line === null || startLost) {
    c.outdated = true;
    return;
  }
  Object.assign(c.anchor, { line, startLine: start, position: end.position });
  c.commitId = t.head;
  c.baseCommitId = t.mergeBase;
}

/**
 * After the head or the base moves, each review comment follows its line into the new diff, or
 * becomes outdated when a change touched that line or the diff no longer shows it (GitHub keeps
 * an outdated comment's `original_*` fields and shows `line` and `position` as null).
 */
export async function followReviewComments(core: SandboxCore, pr: PullRecord): Promise<void> {
  const comments = core.store.state.reviewComments.filter(
    (c) => c.issueId === pr.issueId && !c.outdated,
  );
  if (!comments.length) return;
  const mergeBase = (await core.git.mergeBase(pr.repoId, pr.baseSha, pr.headSha)) ?? pr.baseSha;
  const files = await core.git.diffFiles(pr.repoId, pr.baseSha, pr.headSha);
  for (const c of comments) {
    if (c.commitId === pr.headSha && c.baseCommitId === mergeBase) continue;
    const file = files.find((f) => f.filename === c.path);
    await follow(core, c, { head: pr.headSha, mergeBase, file });
  }
}
