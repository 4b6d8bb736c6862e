/**
 * Agent-written text rendered for GitHub as data, never as control. Whatever the agent wrote,
 * the output forms no heading, task-list item, closing-keyword reference, issue reference,
 * `@`-mention, HTML comment or marker, HTML tag, workflow skip directive or co-author trailer,
 * and holds no invisible characters; what it says stays readable.
 *
 * - inertBlock: hidden characters stripped (hidden-chars.ts), references, mentions, keywords and
 *   comment delimiters neutralised (neutralise.ts) — a second layer, because text in a code block
 *   can still reach a squash-merge commit message, where GitHub acts on it — then a fenced code
 *   block whose backtick fence is longer than any backtick run inside, so nothing closes it
 *   early. Put it at the start of a line, outside lists and quotes.
 * - inertInline: one line in a code span, for file names and titles; `|` becomes `｜` so the
 *   value cannot split a table cell and leave its code span.
 * - inertCommitMessage: plain text for a commit message body.
 *
 * Each is capped; a cut is marked "…(truncated …)" and never splits a surrogate pair.
 */
import { stripHiddenChars } from "./hidden-chars.ts";
import { neutralise } from "./neutralise.ts";

export const DEFAULT_BLOCK_CHARS = 20_000;
export const DEFAULT_INLINE_CHARS = 200;
export const DEFAULT_COMMIT_CHARS = 10_000;
const EMPTY = "*(empty)*";

/** A fenced, neutralised Markdown block showing `text` literally; ends with a newline. */
export function inertBlock(text: string, opts: { maxChars?: number } = {}): string {
  const clean = neutralise(stripHiddenChars(text.replace(/\r\n?/g, "\n")));
  if (clean.trim() === "") return `${EMPTY}\n`;
  const { head, dropped } = cap(clean, opts.maxChars ?? DEFAULT_BLOCK_CHARS);
  const fence = "`".repeat(Math.max(3, longestRun(head, "`") + 1));
  const body = head.endsWith("\n") ? head : `${head}\n`;
  const note = dropped > 0 ? `*…(truncated: ${dropped} more characters not shown)*\n` : "";
  return `${fence}text\n${body}${fence}\n${note}`;
}

/** A one-line, neutralised Markdown code span showing `text` literally. */
export function inertInline(text: string, maxChars = DEFAULT_INLINE_CHARS): string {
  const line = stripHiddenChars(text).replace(/\s+/g, " ").trim();
  const clean = neutralise(line).replace(/\|/g, "｜");
  if (clean === "") return EMPTY;
  const { head, dropped } = cap(clean, maxChars);
  const shown = dropped > 0 ? `${head}…(truncated)` : head;
  const fence = "`".repeat(longestRun(shown, "`") + 1);
  const pad = shown.startsWith("`") || shown.endsWith("`") ? " " : "";
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** Neutralised plain text for a git commit message body ("" when there is nothing). */
export function inertCommitMessage(text: string, maxChars = DEFAULT_COMMIT_CHARS): string {
  const clean = neutralise(stripHiddenChars(text.replace(/\r\n?/g, "\n"))).trim();
  const { head, dropped } = cap(clean, maxChars);
  return dropped > 0 ? `${head}\n…(truncated: ${dropped} more characters not shown)` : head;
}

function cap(text: string, maxChars: number): { head: string; dropped: number } {
  if (text.length <= maxChars) return { head: text, dropped: 0 };
  const high = text.charCodeAt(maxChars - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? maxChars - 1 : maxChars;
  return { head: text.slice(0, Math.max(0, end)), dropped: text.length - Math.max(0, end) };
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
