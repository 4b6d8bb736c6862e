/**
 * HTML comments and the markup a browser treats like one: removes each whole, so no text a
 * reader cannot see is left behind. One forward scan, linear in the text.
 *
 * - `<!-- … -->` ends at the first `-->` as HTML does (`<!-->` and `<!--->` are complete, empty
 *   comments); one that is never closed is removed to the end of the text (a browser hides it
 *   all, and GitHub passes an unclosed comment block through as raw HTML).
 * - Processing instructions `<?…`, declarations `<!X…` (`<!DOCTYPE`) and `<![CDATA[…`, which
 *   GitHub passes through as raw HTML and a browser parses as a bogus comment, end at the first
 *   `>` (or the end of the text).
 */
import type { HiddenCounts } from "./hidden-kinds.ts";

const START = /<(?:!--|\?|![A-Za-z]|!\[CDATA\[)/g;

export function stripHtmlComments(text: string, counts?: HiddenCounts): string {
  let out = "";
  let from = 0;
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    out += text.slice(from, m.index);
    if (counts) counts.htmlComment++;
    from = commentEnd(text, m.index, m[0]);
    START.lastIndex = from;
  }
  return out + text.slice(from);
}

/** The offset just after the comment-like markup that starts at `start` with `opener`. */
function commentEnd(text: string, start: number, opener: string): number {
  const body = start + opener.length;
  let end: number;
  if (opener !== "<!--") end = text.indexOf(">", body) + 1;
  else if (text.startsWith(">", body)) end = body + 1;
  else if (text.startsWith("->", body)) end = body + 2;
  else end = text.indexOf("-->", body) + 3;
  return end > body ? end : text.length;
}
