/**
 * Link reference definitions (`[label]: url "title"`): Markdown never renders them, so their
 * label and title are text a reader does not see — the well-known `[//]: # (comment)` trick.
 * `takeLinkDefinitions` removes every definition line and returns the destinations by label,
 * so markdown-links.ts can rewrite each use inline (`[text][label]` → `[text](url)`).
 *
 * A definition is read as CommonMark writes it (up to three spaces of indent, a label of at most
 * 999 characters, a destination, an optional title on the same or the next line). Definitions
 * inside code blocks or after a paragraph line are removed too: more is removed, never less.
 */
import type { HiddenCounts } from "./hidden-kinds.ts";

const LABEL = String.raw`\[((?:[^\[\]\\]|\\[\s\S]){1,999})\]`;
const DEST = String.raw`<[^<>\n]*>|[^\s<][^\s]*`;
const TITLE = String.raw`"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'|\((?:[^()\\]|\\[\s\S])*\)`;
const DEFINITION = new RegExp(
  String.raw`^ {0,3}${LABEL}:[ \t]*\r?\n?[ \t]*(${DEST})(?:(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?:${TITLE}))?[ \t]*\r?(?:\n|$(?![\s\S]))`,
  "gm",
);

export interface LinkDefinitions {
  text: string;
  /** Destination by normalised label; the first definition of a label wins. */
  destinations: Map<string, string>;
}

export function takeLinkDefinitions(text: string, counts?: HiddenCounts): LinkDefinitions {
  const destinations = new Map<string, string>();
  const rest = text.replace(DEFINITION, (_whole, label: string, dest: string) => {
    const key = normaliseLabel(label);
    if (key !== "" && !destinations.has(key)) destinations.set(key, dest);
    if (counts) counts.linkDefinition++;
    return "";
  });
  return { text: rest, destinations };
}

/** A label as CommonMark matches it: case-insensitive, inner whitespace collapsed. */
export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}
