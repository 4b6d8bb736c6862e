/**
 * Invisible characters: removes every character a reader cannot see but a model reads, and
 * leaves every visible character as it was.
 *
 * Removed: Unicode's Default_Ignorable_Code_Point set (zero-width space/joiners, word joiner,
 * BOM, soft hyphen, Mongolian vowel separator, bidi marks, embeddings, overrides and isolates,
 * invisible math operators, deprecated format characters, Hangul fillers, variation selectors,
 * tag characters, unassigned ignorables), the interlinear annotation characters U+FFF9–U+FFFB,
 * and C0/C1 control characters other than tab, line feed and carriage return.
 *
 * Kept, because they render and carry no hidden words:
 * - a zero-width (non-)joiner between two non-ASCII visible characters (emoji sequences such as
 *   👩‍💻, Persian and Indic spelling); between ASCII letters ("Clo\u200Bses") it is removed;
 * - one variation selector directly after a visible character it can modify (❤️, 1️⃣; U+E0100+
 *   only after a Han ideograph, Mongolian selectors only after Mongolian); runs are removed;
 * - the tag sequence of a subdivision flag (🏴 + 2–7 lowercase/digit tags + cancel tag).
 */
import type { HiddenCounts, HiddenKind } from "./hidden-kinds.ts";

const CONTROL = "\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F";
const HIDDEN_CLASS = `[\\p{Default_Ignorable_Code_Point}${CONTROL}\\uFFF9-\\uFFFB]`;
const FLAG = "\\u{1F3F4}[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]{2,7}\\u{E007F}";
const PATTERN = new RegExp(`(${FLAG})|${HIDDEN_CLASS}`, "gu");
const HIDDEN = new RegExp(`^${HIDDEN_CLASS}$`, "u");
const HAN = /^\p{Script=Han}$/u;
const MONGOLIAN = /^\p{Script=Mongolian}$/u;

/** `text` without its invisible characters; adds what it removed to `counts` when given. */
export function stripHiddenChars(text: string, counts?: HiddenCounts): string {
  return text.replace(PATTERN, (match: string, flag: string | undefined, offset: number) => {
    if (flag !== undefined || keep(text, match, offset)) return match;
    if (counts) counts[kindOf(match.codePointAt(0)!)]++;
    return "";
  });
}

function keep(text: string, char: string, offset: number): boolean {
  const cp = char.codePointAt(0)!;
  const before = charBefore(text, offset);
  if (cp === 0x200c || cp === 0x200d) {
    const base = isSelector(before) ? charBefore(text, offset - before.length) : before;
    return isVisibleNonAscii(base) && isVisibleNonAscii(charAt(text, offset + char.length));
  }
  if (!isVisible(before)) return false;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return true;
  if (cp >= 0xe0100 && cp <= 0xe01ef) return HAN.test(before);
  if (cp >= 0x180b && cp <= 0x180f && cp !== 0x180e) return MONGOLIAN.test(before);
  return false;
}

function kindOf(cp: number): HiddenKind {
  if ([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e, 0xad].includes(cp)) return "zeroWidth";
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return "bidi";
  if (cp === 0x200e || cp === 0x200f || cp === 0x61c) return "bidi";
  if (cp >= 0xe0000 && cp <= 0xe007f) return "tag";
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef))
    return "variationSelector";
  if (cp >= 0x180b && cp <= 0x180f) return "variationSelector";
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return "control";
  return "otherInvisible";
}

function isSelector(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  return cp === 0xfe0e || cp === 0xfe0f;
}

function isVisible(char: string): boolean {
  return char !== "" && !HIDDEN.test(char) && !/^\s$/u.test(char);
}

function isVisibleNonAscii(char: string): boolean {
  return isVisible(char) && char.codePointAt(0)! > 0x7f;
}

/** The code point ending just before `offset` (a whole surrogate pair), or "". */
function charBefore(text: string, offset: number): string {
  if (offset <= 0) return "";
  const low = text.charCodeAt(offset - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && offset >= 2;
  return pair ? text.slice(offset - 2, offset) : text.slice(offset - 1, offset);
}

function charAt(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}
