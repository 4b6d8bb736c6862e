/**
 * The kinds of hidden content stripHidden removes, and a count per kind so a caller can log
 * what was taken out of a text without logging the text.
 */
export const HIDDEN_KINDS = [
  /** `<!-- … -->`, also one left open to the end of the text. */
  "htmlComment",
  /** `<script>`, `<style>`, `<template>` and elements marked `hidden` or `display:none`. */
  "hiddenElement",
  /** HTML attributes a reader does not see: alt, title, aria-*, data-*, value, … */
  "htmlAttribute",
  /** Markdown image descriptions: `![alt](url)`. */
  "imageAlt",
  /** Markdown link and image titles, shown only on hover: `[a](url "title")`. */
  "linkTitle",
  /** Link reference definitions (`[label]: url`), never rendered; uses are made inline. */
  "linkDefinition",
  /** Zero-width characters and the soft hyphen. */
  "zeroWidth",
  /** Bidirectional embedding, override, isolate and mark characters. */
  "bidi",
  /** Unicode tag characters U+E0000–U+E007F. */
  "tag",
  /** Variation selectors not directly after a visible character (data smuggled in runs). */
  "variationSelector",
  /** C0 and C1 control characters other than tab and line breaks. */
  "control",
  /** Other default-ignorable or invisible format characters. */
  "otherInvisible",
] as const;

export type HiddenKind = (typeof HIDDEN_KINDS)[number];
export type HiddenCounts = Record<HiddenKind, number>;

export function noneHidden(): HiddenCounts {
  return Object.fromEntries(HIDDEN_KINDS.map((kind) => [kind, 0])) as HiddenCounts;
}
