/**
 * Neutralising what GitHub or the App would act on in agent-written text, while keeping it
 * readable: each control character is swapped for its visible full-width twin, so a reader sees
 * the same words and nothing resolves, links, notifies or hides.
 *
 * - issue/PR references: `#12`, `owner/repo#12` → `＃12`; `GH-12` → `GH－12`; URLs
 *   `…/issues/12`, `…/pull/12`, `…/discussions/12` → `…/issues／12`;
 * - closing keywords before a reference (`Closes #1`, `fixes: o/r#2`) → `Closes： ＃1`, so the
 *   keyword is not followed by the colon-and-space GitHub looks for even if a reference form
 *   were missed;
 * - mentions `@alice`, `@org/team` → `＠alice` (GitHub mentions only after a non-word
 *   character, so e-mail addresses such as `alice@example.com` are left as they are);
 * - HTML comment delimiters `<!--` → `＜!--` and `-->` → `--＞` (no `<!-- havun:` marker
 *   survives);
 * - workflow skip directives (`[skip ci]` and the like → `［skip ci］`, `skip-checks:`) and the
 *   commit trailers GitHub reads as authorship (`Co-authored-by:`, `on-behalf-of:`).
 */
const KEYWORD = String.raw`\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+`;
const REFERENCE_AHEAD = String.raw`(?=[#＃]|[\w.-]+\/[\w.-]+[#＃]|https?:\/\/|gh[-－]\d)`;
const RULES: Array<[RegExp, string]> = [
  [/<!--/g, "＜!--"],
  [/-->/g, "--＞"],
  [/#(?=\d)/g, "＃"],
  [/\b(gh)-(?=\d)/gi, "$1－"],
  [/\/(issues|pulls?|discussions)\/(?=\d)/gi, "/$1／"],
  [new RegExp(KEYWORD + REFERENCE_AHEAD, "gi"), "$1： "],
  [/(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])/g, "$1＠"],
  [/\[(\s*(?:skip|no|ci|actions)\s+(?:ci|skip|actions)\s*)\]/gi, "［$1］"],
  [/\b(skip-checks)\s*:/gi, "$1："],
  [/^([ \t]*)(co-authored-by|on-behalf-of)[ \t]*:/gim, "$1$2："],
];

/** `text` with every reference, mention, closing keyword, marker and directive neutralised. */
export function neutralise(text: string): string {
  return RULES.reduce((out, [pattern, by]) => out.replace(pattern, by), text);
}
