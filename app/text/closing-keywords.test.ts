import { describe, expect, it } from "vitest";
import { closingReferences } from "../../sandbox/ops/closing-references.ts";
import { inertBlock, inertCommitMessage, inertInline } from "./inert.ts";

/**
 * GitHub's rule for linking a pull request to an issue ("Linking a pull request to an issue"):
 * a keyword — close, closes, closed, fix, fixes, fixed, resolve, resolves, resolved — in a pull
 * request description or a commit message, followed by the issue: `KEYWORD #ISSUE-NUMBER`,
 * `KEYWORD OWNER/REPOSITORY#ISSUE-NUMBER`, several in one line each with its keyword
 * (`Resolves #10, resolves #123, resolves octo-org/octo-repo#100`); "The keywords can be followed
 * by colons or in uppercase" (`Closes: #10`, `CLOSES #10`, `CLOSES: #10`). An issue's URL is a
 * reference too ("Autolinked references and URLs"). Modelled here broadly (any case, any
 * whitespace, any host, issues or pull URLs) so that a miss in the code cannot hide.
 */
const KEYWORDS = [
  "close",
  "closes",
  "closed",
  "fix",
  "fixes",
  "fixed",
  "resolve",
  "resolves",
  "resolved",
];
const REFERENCE = String.raw`(?:[\w.-]+\/[\w.-]+)?#\d+|https?:\/\/[^\s/]+\/[\w.-]+\/[\w.-]+\/(?:issues|pull)\/\d+`;
const GITHUB_LINK = new RegExp(
  String.raw`\b(?:${KEYWORDS.join("|")})\s*:?\s+(?:${REFERENCE})`,
  "i",
);

const spellings = (k: string) => ({
  plain: k,
  capitalised: k[0]!.toUpperCase() + k.slice(1),
  upper: k.toUpperCase(),
  colon: `${k[0]!.toUpperCase() + k.slice(1)}:`,
  upperColon: `${k.toUpperCase()}:`,
});
const REFERENCES = {
  number: "#10",
  otherRepo: "octo-org/octo-repo#100",
  url: "https://github.com/octo-org/octo-repo/issues/100",
  pullUrl: "https://github.com/octo-org/octo-repo/pull/7",
};
const renderers = { inertBlock, inertCommitMessage, inertInline: (t: string) => inertInline(t) };

describe("closing keywords, every form GitHub documents", () => {
  for (const keyword of KEYWORDS) {
    for (const [spelling, word] of Object.entries(spellings(keyword))) {
      for (const [form, reference] of Object.entries(REFERENCES)) {
        const line = `${word} ${reference}`;
        it(`${line} (${spelling}, ${form}) links nothing once rendered`, () => {
          expect(line).toMatch(GITHUB_LINK);
          for (const [name, render] of Object.entries(renderers)) {
            const out = render(`Done.\n${line}\nand more text`);
            expect(out, name).not.toMatch(GITHUB_LINK);
            expect(closingReferences(out), name).toEqual([]);
            const readable = reference.replace("#", "＃").replace(/\/(?=\d+$)/, "／");
            expect(out, name).toContain(readable);
          }
        });
      }
    }
  }

  it("neutralises several keywords in one line, and keywords on their own line", () => {
    const text = "Resolves #10, resolves #123, resolves octo-org/octo-repo#100\nFixes:\n#5";
    expect(closingReferences(text)).toHaveLength(4);
    for (const render of Object.values(renderers)) {
      const out = render(text);
      expect(out).not.toMatch(GITHUB_LINK);
      expect(closingReferences(out)).toEqual([]);
    }
    expect(inertCommitMessage(text)).toBe(
      "Resolves： ＃10, resolves： ＃123, resolves： octo-org/octo-repo＃100\nFixes： ＃5",
    );
  });

  it("neutralises a keyword split by hidden characters", () => {
    for (const render of Object.values(renderers)) {
      const out = render("Clo\u200Bses #1 and F\u00ADixes\u2060: #2");
      expect(out).not.toMatch(GITHUB_LINK);
      expect(out).toContain("Closes： ＃1");
      expect(out).toContain("Fixes： ＃2");
    }
  });
});
