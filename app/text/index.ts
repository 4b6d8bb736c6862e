/** Text safety: hidden content stripped from human text, agent text rendered as inert data. */
export {
  DEFAULT_BLOCK_CHARS,
  DEFAULT_COMMIT_CHARS,
  DEFAULT_INLINE_CHARS,
  inertBlock,
  inertCommitMessage,
  inertInline,
} from "./inert.ts";
export { neutralise } from "./neutralise.ts";
export { stripHiddenChars } from "./hidden-chars.ts";
export { HIDDEN_KINDS, noneHidden, type HiddenCounts, type HiddenKind } from "./hidden-kinds.ts";
export { removedCount, stripHidden, stripHiddenReport, type StrippedText } from "./strip-hidden.ts";
