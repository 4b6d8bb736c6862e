// The candidates of the snippet-search comparison (bench/snippets-search-compare.ts): each one
// configured as its documentation recommends for typos and word forms, over the same documents
// and field weights. Each is loaded by name, so this file compiles without it installed.
import type { SearchDoc } from "../snippets/search-doc.ts";
import { stem } from "../snippets/stem.ts";

export type Search = (query: string, tags?: string[]) => string[] | Promise<string[]>;
export interface Candidate {
  name: string;
  pkg: string;
  /** What the candidate offers for typos and word forms, as configured here. */
  notes: string;
  build(docs: SearchDoc[]): Promise<Search>;
}

const FIELDS = ["name", "title", "description", "tags", "usage", "code"] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = {
  name: 2,
  title: 3,
  description: 1.5,
  tags: 2.5,
  usage: 1,
  code: 1,
};
export const LIMIT = 10;

// Each candidate's own module, loaded by name so this file compiles without it installed.
const load = async (pkg: string): Promise<Record<string, unknown>> =>
  (await import(pkg)) as Record<string, unknown>;
type AnyCtor = new (...args: unknown[]) => Record<string, (...args: unknown[]) => unknown>;
const byTags = (doc: SearchDoc | undefined, tags?: string[]) =>
  !tags?.length || (doc !== undefined && tags.every((t) => doc.tagList.includes(t)));

export const CANDIDATES: Candidate[] = [
  {
    name: "MiniSearch",
    pkg: "minisearch",
    notes: "BM25+, fuzzy (edit distance), prefix; word forms via processTerm (our light stemmer)",
    async build(docs) {
      const MiniSearch = (await load("minisearch")).default as AnyCtor;
      const tokenize = (text: string) =>
        text.split(/[^\p{L}\p{N}_]+/u).flatMap((t) => [t, ...splitCamel(t)]);
      const ms = new MiniSearch({
        fields: [...FIELDS],
        storeFields: ["tagList"],
        tokenize,
        processTerm: (t: string) => (t.length > 1 ? stem(t) : null),
      });
      ms.addAll!(docs);
      return (query, tags) =>
        (
          ms.search!(query, {
            boost: BOOST,
            fuzzy: 0.2,
            prefix: true,
            combineWith: "OR",
            filter: (r: { tagList: string[] }) => byTags({ tagList: r.tagList } as SearchDoc, tags),
          }) as { id: string }[]
        )
          .slice(0, LIMIT)
          .map((r) => r.id);
    },
  },
  {
    name: "Orama",
    pkg: "@orama/orama",
    notes: "BM25, typo tolerance (Levenshtein), built-in English stemmer, enum[] filters",
    async build(docs) {
      const orama = await load("@orama/orama");
      const create = orama.create as (o: unknown) => unknown;
      const insertMultiple = orama.insertMultiple as (db: unknown, d: unknown[]) => unknown;
      const search = orama.search as (db: unknown, p: unknown) => unknown;
      const schema: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, "string"]));
      const db = create({
        schema: { ...schema, sid: "string", tagList: "enum[]" },
        components: { tokenizer: { stemming: true, language: "english" } },
      });
      await insertMultiple(
        db,
        docs.map((d) => ({ ...d, sid: d.id, id: undefined })),
      );
      return async (query, tags) => {
        const r = (await search(db, {
          term: query,
          properties: [...FIELDS],
          boost: BOOST,
          tolerance: 1,
          threshold: 1,
          limit: LIMIT,
          ...(tags?.length ? { where: { tagList: { containsAll: tags } } } : {}),
        })) as { hits: { document: { sid: string } }[] };
        return r.hits.map((h) => h.document.sid);
      };
    },
  },
  {
    name: "FlexSearch",
    pkg: "flexsearch",
    notes:
      "forward tokenizer, LatinBalance phonetic encoder with our light stemmer, suggest, merged fields (per-field boosts made it worse: 39/64); no scores (rank order only)",
    async build(docs) {
      const flex = await load("flexsearch");
      const Document = flex.Document as AnyCtor;
      const Charset = flex.Charset as Record<string, object>;
      const Encoder = flex.Encoder as AnyCtor;
      const encoder = new Encoder({
        ...Charset.LatinBalance,
        finalize: (terms: string[]) => terms.map(stem),
      });
      const index = new Document({
        tokenize: "forward",
        encoder,
        document: { id: "id", index: [...FIELDS], tag: "tagList" },
      });
      for (const d of docs) index.add!(d.id, d);
      return (query, tags) => {
        const opts = {
          query,
          limit: LIMIT,
          suggest: true,
          merge: true,
          ...(tags?.length ? { tag: tags.map((t) => ({ tagList: t })) } : {}),
        };
        const res = index.search!(opts) as { id: string }[];
        return res.slice(0, LIMIT).map((r) => r.id);
      };
    },
  },
  {
    name: "Lunr",
    pkg: "lunr",
    notes:
      "BM25, built-in Porter stemmer and stop words, edit distance per term (term~1); unmaintained since 2020",
    async build(docs) {
      const lunr = (await load("lunr")).default as ((cfg: (this: unknown) => void) => unknown) & {
        Query: { wildcard: { TRAILING: number } };
      };
      const byId = new Map(docs.map((d) => [d.id, d]));
      const idx = lunr(function (this: unknown) {
        const b = this as {
          ref(f: string): void;
          field(f: string, o: { boost: number }): void;
          add(d: object): void;
        };
        b.ref("id");
        for (const f of FIELDS) b.field(f, { boost: BOOST[f] });
        for (const d of docs) b.add({ ...d, code: d.code });
      }) as { query(fn: (q: { term(t: string, o: object): void }) => void): { ref: string }[] };
      return (query, tags) => {
        const words = query
          .split(/[^\p{L}\p{N}_]+/u)
          .flatMap((t) => [t, ...splitCamel(t)])
          .map((t) => t.toLowerCase())
          .filter((t) => t.length > 1);
        const hits = idx.query((q) => {
          for (const w of words) {
            q.term(w, { boost: 10 });
            q.term(w, { editDistance: 1, boost: 1 });
            q.term(w, { wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
          }
        });
        return hits
          .map((h) => h.ref)
          .filter((id) => byTags(byId.get(id), tags))
          .slice(0, LIMIT);
      };
    },
  },
  {
    name: "Fuse.js",
    pkg: "fuse.js",
    notes:
      "approximate string matching (Bitap) per field, extended search (OR of words); no index of terms",
    async build(docs) {
      const Fuse = (await load("fuse.js")).default as AnyCtor;
      const byId = new Map(docs.map((d) => [d.id, d]));
      const fuse = new Fuse(docs, {
        keys: FIELDS.map((f) => ({ name: f, weight: BOOST[f] })),
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.35,
        useExtendedSearch: true,
      });
      return (query, tags) => {
        const words = query
          .split(/[^\p{L}\p{N}_]+/u)
          .filter((t) => t.length > 1)
          .map((t) => t.toLowerCase());
        const res = fuse.search!(words.join(" | ")) as { item: SearchDoc }[];
        return res
          .map((r) => r.item.id)
          .filter((id) => byTags(byId.get(id), tags))
          .slice(0, LIMIT);
      };
    },
  },
];

function splitCamel(token: string): string[] {
  const parts = token
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_]+/)
    .filter(Boolean);
  return parts.length > 1 ? parts : [];
}
