import { describe, expect, it } from "vitest";
import { SnippetIndex } from "../../snippets/search.ts";
import { LABELLED_QUERIES } from "./fixture-library.ts";
import { fixtureLibrary } from "./library-fixture.ts";

const lib = fixtureLibrary();
const index = SnippetIndex.of(lib.snippets);
const top3 = (query: string, tags?: string[]) =>
  index.search(query, { limit: 3, ...(tags ? { tags } : {}) }).map((h) => h.id);

describe("snippet search on the labelled queries", () => {
  it("parses the whole fixture library", () => {
    expect(lib.problems).toEqual([]);
    expect(lib.snippets).toHaveLength(36);
  });

  it.each(
    LABELLED_QUERIES.map((q) => [q.kind, q.query, q.tags?.join(",") ?? "", q.expect] as const),
  )("%s: %j [%s] finds %s in the top 3", (_kind, query, tags, expected) => {
    expect(top3(query, tags ? tags.split(",") : undefined)).toContain(expected);
  });
});
