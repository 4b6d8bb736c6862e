/**
 * Markdown links and images: removes the text in them a reader does not see, keeps what renders.
 *
 * - Image descriptions go: `![alt](url)` → `![](url)`, `![alt][ref]` → `![](url)`. An image
 *   followed by `(` loses its description even when its destination is not one this reads.
 * - Titles (shown only on hover) go: `[a](url "title")` → `[a](url)`, also on images.
 * - Link reference definitions go (link-definitions.ts) and every use is made inline:
 *   `[text][ref]`, `[text][]`, `[text]` → `[text](url)`, so no hidden label is left either.
 *
 * Brackets are paired in one linear pass (bracket-pairs.ts), then each pair is looked at once;
 * text inside a removed description is not looked at again. This runs twice, once respecting
 * code spans and once ignoring them, so an image is found under either reading.
 */
import { pairBrackets } from "./bracket-pairs.ts";
import type { HiddenCounts } from "./hidden-kinds.ts";
import { normaliseLabel, takeLinkDefinitions } from "./link-definitions.ts";

const DEST = String.raw`<[^<>\n]*>|[^\s()]*(?:\((?:[^\s()]|\([^\s()]*\))*\)[^\s()]*)*`;
const TITLE = String.raw`"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'|\((?:[^()\\]|\\[\s\S])*\)`;
const INLINE = new RegExp(String.raw`\((\s*)(${DEST})(?:(\s+)(${TITLE}))?\s*\)`, "y");

const MAX_LABEL = 999;

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function stripHiddenLinkText(input: string, counts?: HiddenCounts): string {
  const { text, destinations } = takeLinkDefinitions(input, counts);
  // Brackets inside code spans are not link syntax; but a backtick GitHub reads as part of an
  // HTML tag would hide an image from the first reading, so the second ignores code spans.
  const first = rewriteLinks(text, destinations, true, counts);
  return rewriteLinks(first, destinations, false, counts);
}

function rewriteLinks(
  text: string,
  destinations: Map<string, string>,
  codeSpans: boolean,
  counts?: HiddenCounts,
): string {
  const { close, escaped } = pairBrackets(text, codeSpans);
  const blocked = new Uint8Array(text.length + 1);
  const edits: Edit[] = [];
  const replace = (start: number, end: number, by: string) => {
    edits.push({ start, end, text: by });
    blocked.fill(1, start, end);
  };
  for (let open = 0; open < text.length; open++) {
    const end = close[open] ?? -1;
    if (end < 0 || blocked[open]) continue;
    const image = open > 0 && text[open - 1] === "!" && !escaped[open - 1];
    const after = end + 1;
    INLINE.lastIndex = after;
    const inline = text[after] === "(" ? INLINE.exec(text) : null;
    let isLink = text[after] === "(";
    if (inline) {
      const [whole, lead = "", dest = "", gap = "", title = ""] = inline;
      const at = after + 1 + lead.length + dest.length;
      if (title !== "") {
        edits.push({ start: at, end: at + gap.length + title.length, text: "" });
        if (counts) counts.linkTitle++;
      }
      blocked.fill(1, after, after + whole.length);
    } else if (!isLink && destinations.size > 0) {
      const labelEnd = text[after] === "[" ? (close[after] ?? -1) : -1;
      const dest = destinations.get(normaliseLabel(referenceLabel(text, open, end, labelEnd)));
      if (dest !== undefined) {
        replace(after, labelEnd > after ? labelEnd + 1 : after, `(${dest})`);
        isLink = true;
      }
    }
    if (image && isLink && end > open + 1) {
      replace(open + 1, end, "");
      if (counts) counts.imageAlt++;
    }
  }
  return applyEdits(text, edits);
}

/**
 * The label a reference uses: the second brackets' text (`[a][label]`), else the first's
 * (`[label][]`, `[label]`). "" when longer than a label may be (999 characters, CommonMark),
 * which also bounds the work done per pair of brackets.
 */
function referenceLabel(text: string, open: number, end: number, labelEnd: number): string {
  if (labelEnd > end + 1) {
    if (labelEnd - end - 2 > MAX_LABEL) return "";
    const label = text.slice(end + 2, labelEnd);
    if (label.trim() !== "") return label;
  }
  return end - open - 1 > MAX_LABEL ? "" : text.slice(open + 1, end);
}

function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.start - b.start);
  let out = "";
  let from = 0;
  for (const edit of edits) {
    if (edit.start < from) continue;
    out += text.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return out + text.slice(from);
}
