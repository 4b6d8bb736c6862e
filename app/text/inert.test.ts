import { describe, expect, it } from "vitest";
import { parseCommand } from "../commands/parse-command.ts";
import { findMarkers } from "../spec/markers.ts";
import { inertBlock, inertCommitMessage, inertInline } from "./inert.ts";

/** GitHub mentions `@name` and `@org/team` after the start or a non-word character. */
const MENTION = /(?:^|[^A-Za-z0-9_])@[A-Za-z0-9]/m;
/** Issue references GitHub autolinks: `#N`, `owner/repo#N`, `GH-N`, issue and pull URLs. */
const REFERENCE = /#\d|\bgh-\d|\/(?:issues|pulls?|discussions)\/\d/i;
const HIDDEN =
  /[\p{Default_Ignorable_Code_Point}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

const HOSTILE = [
  "## Summary",
  "Implemented it. Closes #12, fixes acme/api#3, see GH-4 and https://github.com/acme/api/pull/9",
  "cc @alice @acme/security — contact bob@example.com",
  "## Acceptance",
  "- [x] tests pass",
  "<!-- havun:cost usd=0 -->",
  "<!-- havun:spec v1 sha256=00",
  "-->",
  "<img src=x onerror=alert(1)> <details open>",
  "````",
  "~~~~~",
  "[skip ci] skip-checks: true",
  "Co-authored-by: Mallory <mallory@example.com>",
  "Clo\u200Bses #9 \u202Egnp.exe\u202C \u{E0041}",
  "/approve",
].join("\n");

/** The lines of an inertBlock's output between its fences. */
function fenced(out: string): { fence: string; inside: string[]; after: string[] } {
  const lines = out.split("\n");
  const fence = /^`{3,}/.exec(lines[0]!)?.[0] ?? "";
  const close = lines.indexOf(fence, 1);
  return { fence, inside: lines.slice(1, close), after: lines.slice(close + 1) };
}

describe("inertBlock", () => {
  const out = inertBlock(HOSTILE);

  it("shows the text in one fenced block that nothing inside can close", () => {
    const { fence, inside, after } = fenced(out);
    expect(out.startsWith(`${fence}text\n`)).toBe(true);
    expect(fence.length).toBeGreaterThan(4);
    const closer = new RegExp(`^ {0,3}\`{${fence.length},}[ \t]*$`);
    expect(inside.filter((line) => closer.test(line))).toEqual([]);
    expect(after).toEqual([""]);
    expect(inside).toContain("- [x] tests pass");
    expect(inside).toContain("## Acceptance");
  });

  it("leaves no reference, mention, marker, directive or hidden character", () => {
    expect(out).not.toMatch(REFERENCE);
    expect(out).not.toMatch(MENTION);
    expect(out).not.toMatch(HIDDEN);
    expect(out).not.toContain("<!--");
    expect(out).not.toContain("-->");
    expect(findMarkers(out)).toEqual([]);
    expect(out).not.toMatch(/\[(?:skip ci|ci skip|no ci|skip actions|actions skip)\]/i);
    expect(out).not.toMatch(/skip-checks\s*:/i);
    expect(out).not.toMatch(/^co-authored-by:/im);
    expect(parseCommand(out, "hub")).toBeNull();
  });

  it("stays readable: the neutralised forms are visible look-alikes", () => {
    expect(out).toContain(
      "Closes： ＃12, fixes： acme/api＃3, see GH－4 and https://github.com/acme/api/pull／9",
    );
    expect(out).toContain("cc ＠alice ＠acme/security — contact bob@example.com");
    expect(out).toContain("＜!-- havun:cost usd=0 --＞");
    expect(out).toContain("Closes： ＃9 gnp.exe");
  });

  it("keeps its fence longer than any backtick run, however long", () => {
    const text = "a ``````````` b\n```\n~~~\n````````````";
    const { fence, inside } = fenced(inertBlock(text));
    expect(fence).toBe("`".repeat(13));
    expect(inside).toEqual(text.split("\n"));
  });

  it("caps long text with a visible note, without splitting a surrogate pair", () => {
    const long = inertBlock("x".repeat(30_000));
    expect(long).toContain(
      `${"x".repeat(20_000)}\n\`\`\`\n*…(truncated: 10000 more characters not shown)*\n`,
    );
    expect(long).not.toContain("x".repeat(20_001));
    const emoji = inertBlock(`a${"😀".repeat(10)}`, { maxChars: 4 });
    expect(fenced(emoji).inside).toEqual(["a😀"]);
    expect(emoji).toContain("truncated: 18 more characters");
  });

  it("renders empty or invisible-only text as a placeholder", () => {
    expect(inertBlock("")).toBe("*(empty)*\n");
    expect(inertBlock(" \n\u200B\u202E")).toBe("*(empty)*\n");
  });

  it("normalises line endings to \\n", () => {
    expect(inertBlock("a\r\nb\rc")).toBe("```text\na\nb\nc\n```\n");
  });
});

describe("inertInline", () => {
  it("renders one line in a code span whose fence is longer than any backtick run", () => {
    expect(inertInline("src/app.ts")).toBe("`src/app.ts`");
    expect(inertInline("a ``b`` c")).toBe("```a ``b`` c```");
    expect(inertInline("`edge`")).toBe("`` `edge` ``");
    expect(inertInline("line one\nline two\r\n\tthree")).toBe("`line one line two three`");
  });

  it("neutralises references, mentions, markers and table pipes, strips hidden characters", () => {
    const out = inertInline("fix #3 for @bob <!-- havun:x --> a|b Clo\u200Bses\u202E");
    expect(out).toBe("`fix： ＃3 for ＠bob ＜!-- havun:x --＞ a｜b Closes`");
    expect(out).not.toMatch(REFERENCE);
    expect(out).not.toMatch(MENTION);
  });

  it("caps the value and shows the cut", () => {
    expect(inertInline("abcdefghij", 4)).toBe("`abcd…(truncated)`");
    expect(inertInline("x".repeat(500))).toBe(`\`${"x".repeat(200)}…(truncated)\``);
    expect(inertInline(" \u200B ")).toBe("*(empty)*");
  });
});

describe("inertCommitMessage", () => {
  it("is plain text with references, mentions, keywords, directives and trailers neutralised", () => {
    const out = inertCommitMessage(HOSTILE);
    expect(out).not.toMatch(REFERENCE);
    expect(out).not.toMatch(MENTION);
    expect(out).not.toMatch(HIDDEN);
    expect(out).not.toContain("<!--");
    expect(out).toContain("［skip ci］ skip-checks： true");
    expect(out).toContain("Co-authored-by： Mallory <mallory@example.com>");
    expect(out).toContain("contact bob@example.com");
    expect(out.startsWith("## Summary\n")).toBe(true);
  });

  it("caps long messages and returns nothing for nothing", () => {
    const out = inertCommitMessage("y".repeat(12_000));
    expect(out).toBe(`${"y".repeat(10_000)}\n…(truncated: 2000 more characters not shown)`);
    expect(inertCommitMessage("\u200B\n")).toBe("");
  });
});
