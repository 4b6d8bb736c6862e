import { stripHiddenChars } from "../app/text/hidden-chars.ts";

/**
 * Lines that hold characters a reader cannot see but a compiler or a model reads (zero-width
 * characters, bidirectional overrides as in "Trojan Source", control characters): a snippet is
 * read by people before it is attached, so what it does must be visible.
 */
export function hiddenCharLines(text: string): number[] {
  const out: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (stripHiddenChars(line) !== line) out.push(i + 1);
  });
  return out;
}
