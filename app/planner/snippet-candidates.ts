import { SnippetIndex } from "../../snippets/search.ts";
import type { Snippet } from "../../snippets/snippet.ts";
import { stripHidden } from "../text/strip-hidden.ts";

/** What the planner sees of a library snippet (read from the hub; the code only feeds the search). */
export type PlannerSnippet = Pick<Snippet, "id" | "meta" | "code">;

/** How many of the library's snippets the planner is shown for a request. */
export const CANDIDATES = 8;

/**
 * Indexes by library: the hub reader hands out the same list for the same hub commit, so a
 * library is indexed once however often it is planned against (and the repair round reuses it).
 */
const indexes = new WeakMap<readonly PlannerSnippet[], SnippetIndex>();

function indexFor(snippets: readonly PlannerSnippet[]): SnippetIndex {
  let index = indexes.get(snippets);
  if (!index) {
    index = SnippetIndex.of(snippets);
    indexes.set(snippets, index);
  }
  return index;
}

/**
 * The library's best matches for a feature request (search over titles, descriptions, tags,
 * usage and code identifiers), best first, at most `limit`.
 */
export function snippetCandidates(
  snippets: readonly PlannerSnippet[],
  request: string,
  limit = CANDIDATES,
): PlannerSnippet[] {
  if (snippets.length === 0) return [];
  const byId = new Map(snippets.map((s) => [s.id, s]));
  return indexFor(snippets)
    .search(stripHidden(request), { limit })
    .map((h) => byId.get(h.id)!)
    .filter(Boolean);
}

/** One line per candidate for the prompt: id, title, description, tags, usage, needs. */
export function candidateLines(candidates: readonly PlannerSnippet[]): string {
  return candidates
    .map((s) => {
      const m = s.meta;
      const needs = [
        m.requires.length ? `requires ${m.requires.join(", ")}` : "",
        m.secrets.length ? `reads secrets ${m.secrets.join(", ")}` : "",
      ].filter(Boolean);
      return [
        `- ${s.id} (${m.language}) — ${m.title}: ${m.description}`,
        `  tags: ${m.tags.join(", ") || "(none)"}; usage: ${m.usage}${needs.length ? `; ${needs.join("; ")}` : ""}`,
      ]
        .map(stripHidden)
        .join("\n");
    })
    .join("\n");
}
