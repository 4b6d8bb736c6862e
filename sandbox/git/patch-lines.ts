/**
 * A file's patch (GitHub's `patch`: from the first `@@`) read line by line, for anchoring review
 * comments. A line's index is GitHub's `position`: "the number of lines down from the first "@@"
 * hunk header … The position in the diff continues to increase through lines of whitespace and
 * additional hunks" (REST, Create a review comment).
 */
export interface PatchLine {
  /** Index in the patch: 0 is the first hunk header, 1 the line below it. */
  position: number;
  kind: "hunk" | "context" | "add" | "del" | "meta";
  /** Line number in the old (LEFT) file, for context and deleted lines. */
  oldLine: number | null;
  /** Line number in the new (RIGHT) file, for context and added lines. */
  newLine: number | null;
  /** Index of the hunk (0-based) the line belongs to. */
  hunk: number;
}

export type Side = "LEFT" | "RIGHT";

const HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function patchLines(patch: string): PatchLine[] {
  const out: PatchLine[] = [];
  let oldNo = 0;
  let newNo = 0;
  let hunk = -1;
  patch.split("\n").forEach((text, position) => {
    const h = HEADER.exec(text);
    if (h) {
      hunk++;
      oldNo = Number(h[1]);
      newNo = Number(h[3]);
      out.push({ position, kind: "hunk", oldLine: null, newLine: null, hunk });
      return;
    }
    const c = text.charAt(0);
    if (c === "+") out.push({ position, kind: "add", oldLine: null, newLine: newNo++, hunk });
    else if (c === "-") out.push({ position, kind: "del", oldLine: oldNo++, newLine: null, hunk });
    else if (c === "\\") out.push({ position, kind: "meta", oldLine: null, newLine: null, hunk });
    else out.push({ position, kind: "context", oldLine: oldNo++, newLine: newNo++, hunk });
  });
  return out;
}

/** The diff line showing `line` of the file on `side`, or null when the diff does not show it. */
export function lineOnSide(lines: PatchLine[], side: Side, line: number): PatchLine | null {
  return (
    lines.find((l) =>
      side === "LEFT"
        ? l.oldLine === line && l.kind !== "add"
        : l.newLine === line && l.kind !== "del",
    ) ?? null
  );
}

/** The commentable line at a `position`, with the side and line number it stands for. */
export function lineAtPosition(
  lines: PatchLine[],
  position: number,
): { at: PatchLine; side: Side; line: number } | null {
  const at = lines[position];
  if (!at || at.position === 0) return null;
  if (at.kind === "del" && at.oldLine !== null) return { at, side: "LEFT", line: at.oldLine };
  if ((at.kind === "add" || at.kind === "context") && at.newLine !== null)
    return { at, side: "RIGHT", line: at.newLine };
  return null;
}

/** GitHub's `diff_hunk`: the patch from the line's hunk header down to the line itself. */
export function diffHunk(patch: string, lines: PatchLine[], at: PatchLine): string {
  const header = lines.find((l) => l.kind === "hunk" && l.hunk === at.hunk);
  return patch
    .split("\n")
    .slice(header?.position ?? 0, at.position + 1)
    .join("\n");
}

/** One hunk header of a `git diff -U0`: old start and count, new start and count. */
export interface HunkRange {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

export function hunkRanges(diff: string): HunkRange[] {
  const out: HunkRange[] = [];
  for (const text of diff.split("\n")) {
    const h = HEADER.exec(text);
    if (!h) continue;
    out.push({
      oldStart: Number(h[1]),
      oldCount: h[2] === undefined ? 1 : Number(h[2]),
      newStart: Number(h[3]),
      newCount: h[4] === undefined ? 1 : Number(h[4]),
    });
  }
  return out;
}

/**
 * Where `line` of the old file is in the new one, given the hunks of a zero-context diff between
 * them; null when a hunk changed or removed the line itself.
 */
export function followLine(hunks: HunkRange[], line: number): number | null {
  let shift = 0;
  for (const h of hunks) {
    if (h.oldCount > 0 && line >= h.oldStart && line < h.oldStart + h.oldCount) return null;
    const before = h.oldCount > 0 ? h.oldStart + h.oldCount - 1 < line : h.oldStart < line;
    if (before) shift += h.newCount - h.oldCount;
  }
  return line + shift;
}
