import { describe, expect, it } from "vitest";
import {
  diffHunk,
  followLine,
  hunkRanges,
  lineAtPosition,
  lineOnSide,
  patchLines,
} from "./patch-lines.ts";

/** Two hunks: line 5 replaced, a line added after line 12. */
const patch = [
  "@@ -2,7 +2,7 @@",
  " line 2",
  " line 3",
  " line 4",
  "-line 5",
  "+line five",
  " line 6",
  " line 7",
  " line 8",
  "@@ -10,6 +10,7 @@ function f() {",
  " line 10",
  " line 11",
  " line 12",
  "+line 12.5",
  " line 13",
  " line 14",
  " line 15",
].join("\n");

describe("a patch read as GitHub's diff positions", () => {
  const lines = patchLines(patch);

  it("counts positions from the first hunk header, through later headers", () => {
    // "The line just below the "@@" line is position 1 … continues to increase through … additional hunks."
    expect(lineAtPosition(lines, 1)).toMatchObject({ side: "RIGHT", line: 2 });
    expect(lineAtPosition(lines, 4)).toMatchObject({ side: "LEFT", line: 5 });
    expect(lineAtPosition(lines, 5)).toMatchObject({ side: "RIGHT", line: 5 });
    expect(lineAtPosition(lines, 9)).toBeNull(); // the second hunk's header
    expect(lineAtPosition(lines, 13)).toMatchObject({ side: "RIGHT", line: 13 });
    expect(lineAtPosition(lines, 0)).toBeNull();
    expect(lineAtPosition(lines, 99)).toBeNull();
  });

  it("finds a file line on its side only where the diff shows it", () => {
    expect(lineOnSide(lines, "RIGHT", 5)?.position).toBe(5);
    expect(lineOnSide(lines, "LEFT", 5)?.position).toBe(4);
    expect(lineOnSide(lines, "LEFT", 12)?.position).toBe(12); // context is on both sides
    expect(lineOnSide(lines, "RIGHT", 14)?.position).toBe(14);
    expect(lineOnSide(lines, "RIGHT", 9)).toBeNull(); // between the hunks
    expect(lineOnSide(lines, "RIGHT", 20)).toBeNull();
    expect(lineOnSide(lines, "LEFT", 16)).toBeNull();
  });

  it("cuts the diff hunk from the line's hunk header down to the line", () => {
    const at = lineOnSide(lines, "RIGHT", 13)!;
    expect(diffHunk(patch, lines, at)).toBe(
      "@@ -10,6 +10,7 @@ function f() {\n line 10\n line 11\n line 12\n+line 12.5",
    );
  });
});

describe("following a line across a later change", () => {
  const later = "@@ -5 +5 @@\n-line five\n+line 5 again\n@@ -8,0 +9,2 @@\n+a\n+b\n";

  it("loses a line the change touched and shifts the lines below an insertion", () => {
    const hunks = hunkRanges(later);
    expect(hunks).toEqual([
      { oldStart: 5, oldCount: 1, newStart: 5, newCount: 1 },
      { oldStart: 8, oldCount: 0, newStart: 9, newCount: 2 },
    ]);
    expect(followLine(hunks, 5)).toBeNull();
    expect(followLine(hunks, 4)).toBe(4);
    expect(followLine(hunks, 8)).toBe(8); // the insertion comes after line 8
    expect(followLine(hunks, 9)).toBe(11);
    expect(followLine([], 9)).toBe(9);
  });
});
