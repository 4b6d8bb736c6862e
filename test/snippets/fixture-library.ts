/**
 * A small real snippet library (36 snippets in 16 categories and 12 languages, front matter in
 * each language's comment style, one sidecar) and the labelled queries its search is measured
 * on: each query names the snippet a person asking it wants. Used by the tests and by
 * `bench/snippets-search-compare.ts`.
 */
import { FILES_A } from "./fixture-files-a.ts";
import { FILES_B } from "./fixture-files-b.ts";
import { FILES_C } from "./fixture-files-c.ts";

export const FIXTURE_FILES: Record<string, string> = { ...FILES_A, ...FILES_B, ...FILES_C };
export { LABELLED_QUERIES, type LabelledQuery } from "./labelled-queries.ts";
