/**
 * Hidden content in human-written text (issue bodies, comments) that reaches a planner or an
 * agent: removes what a reader of the rendered page cannot see, and nothing else. Visible text
 * stays byte for byte, except where removal errs on the safe side (documented in each part).
 *
 * Removed, in this order (each part linear in the text):
 * 1. HTML comments and comment-like markup, also unclosed (html-comments.ts);
 * 2. hidden HTML elements and unseen attributes such as `alt`/`title` (html-markup.ts);
 * 3. Markdown image descriptions, link titles, link reference definitions (markdown-links.ts);
 * 4. invisible characters: zero-width, bidi controls, tags, … (hidden-chars.ts);
 * 5. parts 1–3 again, for markup that the removed characters were keeping apart
 *    (`<!\u200B-- x -->`): GitHub shows it as text, but it must not become hidden later.
 *
 * Code blocks are not exempt: a comment written inside one is removed too. The output is for a
 * model to read; it is not made safe to post back to GitHub — use inert.ts for that.
 */
import { stripHiddenChars } from "./hidden-chars.ts";
import { type HiddenCounts, noneHidden } from "./hidden-kinds.ts";
import { stripHtmlComments } from "./html-comments.ts";
import { stripHiddenMarkup } from "./html-markup.ts";
import { stripHiddenLinkText } from "./markdown-links.ts";

export interface StrippedText {
  text: string;
  /** What was removed, per kind (a removed comment counts once, whatever its length). */
  removed: HiddenCounts;
}

export function stripHidden(text: string): string {
  return stripHiddenReport(text).text;
}

/** The stripped text and what was removed from it, for a caller to log. */
export function stripHiddenReport(text: string): StrippedText {
  const removed = noneHidden();
  const structure = (t: string) =>
    stripHiddenLinkText(stripHiddenMarkup(stripHtmlComments(t, removed), removed), removed);
  return { text: structure(stripHiddenChars(structure(text), removed)), removed };
}

/** How many things were removed in all, for a quick check. */
export function removedCount(removed: HiddenCounts): number {
  return Object.values(removed).reduce((sum, n) => sum + n, 0);
}
