import { codeIdentifiers } from "./identifiers.ts";
import type { Snippet } from "./snippet.ts";

/** What the search indexes of a snippet: its metadata and its code's identifiers, as text. */
export interface SearchDoc {
  id: string;
  /** The id's words: `payments/mollie-webhook` → payments mollie webhook. */
  name: string;
  title: string;
  description: string;
  tags: string;
  /** The tags as a list, for filters. */
  tagList: string[];
  usage: string;
  code: string;
}

export function searchDoc(s: Pick<Snippet, "id" | "meta" | "code">): SearchDoc {
  return {
    id: s.id,
    name: s.id.replace(/[/-]/g, " "),
    title: s.meta.title,
    description: s.meta.description,
    tags: s.meta.tags.map((t) => t.replace(/-/g, " ")).join(" "),
    tagList: s.meta.tags,
    usage: s.meta.usage,
    code: codeIdentifiers(s.code),
  };
}
