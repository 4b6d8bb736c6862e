import MiniSearch from "minisearch";
import { identifierWords } from "./identifiers.ts";
import { searchDoc, type SearchDoc } from "./search-doc.ts";
import type { Snippet } from "./snippet.ts";
import { stem } from "./stem.ts";

/** One search result, best first: what `havun snippets search --json` prints. */
export interface SearchHit {
  id: string;
  title: string;
  score: number;
  tags: string[];
}

export interface SearchOptions {
  /** Only snippets carrying every one of these tags. */
  tags?: readonly string[];
  /** At most this many hits (default 10). */
  limit?: number;
}

const FIELDS = ["name", "title", "description", "tags", "usage", "code"] as const;
/** Field weights, chosen on the labelled queries (bench/snippets-search-compare.ts). */
const BOOST = { name: 2, title: 3, description: 1.5, tags: 2.5, usage: 1, code: 1 };
const STOP = new Set(
  "a an and are as at be by for from how in into is it of on or per that the this to use using via when where with".split(
    " ",
  ),
);

/** Words of a text, with camelCase and snake_case identifiers also split into their parts. */
function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const token of text.split(/[^\p{L}\p{N}_]+/u)) {
    if (!token) continue;
    out.push(token);
    const parts = identifierWords(token);
    if (parts.length > 1) out.push(...parts);
  }
  return out;
}

const stems = new Map<string, string>();
/** Lower case, stop words dropped, word forms folded (payments → payment, retrying → retri). */
function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (t.length < 2 || STOP.has(t)) return null;
  let s = stems.get(t);
  if (s === undefined) {
    s = stem(t);
    if (stems.size < 200_000) stems.set(t, s);
  }
  return s;
}

/**
 * The library's search index (MiniSearch: BM25+ over the fields above, chosen by a measured
 * comparison, bench/snippets-search-comparison.md). Ranks by relevance over title,
 * description, tags, usage, the id's words and the code's identifiers; tolerates typos
 * (edit distance up to a fifth of a word's length) and word forms (a light stemmer, and
 * prefixes); filters by tags.
 */
export class SnippetIndex {
  private readonly ms: MiniSearch<SearchDoc>;

  private constructor(docs: readonly SearchDoc[]) {
    this.ms = new MiniSearch<SearchDoc>({
      fields: [...FIELDS],
      storeFields: ["title", "tagList"],
      tokenize,
      processTerm,
    });
    this.ms.addAll(docs);
  }

  static of(snippets: readonly Pick<Snippet, "id" | "meta" | "code">[]): SnippetIndex {
    return new SnippetIndex(snippets.map(searchDoc));
  }

  static ofDocs(docs: readonly SearchDoc[]): SnippetIndex {
    return new SnippetIndex(docs);
  }

  get size(): number {
    return this.ms.documentCount;
  }

  search(query: string, o: SearchOptions = {}): SearchHit[] {
    const tags = o.tags ?? [];
    const hits = this.ms.search(query, {
      boost: BOOST,
      combineWith: "OR",
      prefix: (term) => term.length > 2,
      fuzzy: (term) => (term.length > 3 ? 0.2 : false),
      ...(tags.length
        ? { filter: (r) => tags.every((t) => (r.tagList as string[]).includes(t)) }
        : {}),
    });
    return hits.slice(0, o.limit ?? 10).map((h) => ({
      id: String(h.id),
      title: String(h.title),
      score: Math.round(h.score * 1000) / 1000,
      tags: h.tagList as string[],
    }));
  }
}
