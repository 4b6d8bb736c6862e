import type { SearchHit } from "../../snippets/search.ts";
import type { Snippet } from "../../snippets/snippet.ts";

export interface SnippetListing {
  id: string;
  title: string;
  description: string;
  tags: string[];
  language: string;
}

const width = (values: string[]) => Math.min(40, Math.max(0, ...values.map((v) => v.length)));
const tagText = (tags: string[]) => (tags.length ? `  [${tags.join(", ")}]` : "");

/** `payments/mollie-payment   Create a Mollie payment  [mollie, payments]`, one per line. */
export function listTable(rows: SnippetListing[]): string {
  const w = width(rows.map((r) => r.id));
  return rows.map((r) => `${r.id.padEnd(w)}  ${r.title}${tagText(r.tags)}`).join("\n");
}

/** Score, id, title and tags, best first. */
export function searchTable(hits: SearchHit[]): string {
  const w = width(hits.map((h) => h.id));
  return hits
    .map(
      (h) => `${h.score.toFixed(2).padStart(7)}  ${h.id.padEnd(w)}  ${h.title}${tagText(h.tags)}`,
    )
    .join("\n");
}

export function categoryCounts(snippets: Snippet[]): { category: string; snippets: number }[] {
  const counts = new Map<string, number>();
  for (const s of snippets) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, n]) => ({ category, snippets: n }));
}

/** `havun snippets get --json`: the metadata, where the files are, and the code. */
export function snippetJson(s: Snippet) {
  return {
    id: s.id,
    file: s.file,
    ...(s.sidecar ? { sidecar: s.sidecar } : {}),
    ...s.meta,
    code: s.code,
  };
}
