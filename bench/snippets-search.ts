// Index and query time of the snippet search for a library of 10,000 snippets: the files are
// generated in memory (front matter and code, as `havun snippets add` writes them), parsed as
// a library (what the CLI and the App's planner do), indexed, and searched with the labelled
// queries and with feature requests as the planner sends them. Run: npx tsx bench/snippets-search.ts
import { performance } from "node:perf_hooks";
import { joinFrontMatter } from "../snippets/front-matter.ts";
import { languageOf } from "../snippets/languages.ts";
import { buildLibrary, type LibraryFile } from "../snippets/library.ts";
import { renderMetaYaml } from "../snippets/render-meta.ts";
import { SnippetIndex } from "../snippets/search.ts";
import { FIXTURE_FILES, LABELLED_QUERIES } from "../test/snippets/fixture-library.ts";
import { generatedDocs } from "./snippets-corpus.ts";

const TOTAL = 10_000;
const enc = new TextEncoder();
const real = Object.entries(FIXTURE_FILES);
const generated: LibraryFile[] = generatedDocs(TOTAL - 36).map((d) => {
  const ext = d.usage.match(/\.(\w+) and call/)?.[1] ?? "ts";
  const yaml = renderMetaYaml({
    title: d.title,
    description: d.description,
    tags: d.tagList,
    usage: d.usage,
  });
  const code = `export function ${d.code.split(" ")[2]}(client, options) {\n  // ${d.code}\n  return client.call(options);\n}\n`;
  return {
    path: `${d.id}.${ext}`,
    content: enc.encode(joinFrontMatter(yaml, code, languageOf(ext)!.style)),
  };
});
const files = [...generated, ...real.map(([path, text]) => ({ path, content: enc.encode(text) }))];
const bytes = files.reduce((n, f) => n + f.content.byteLength, 0);

const REQUESTS = [
  "Add installment payments with 3-month and 6-month options",
  "Let customers pay with Mollie and mark orders paid from the webhook",
  "Send the invoice by email in a background job",
  "Show each payment's plan in the admin dashboard with pagination",
];

const runs = (n: number, f: () => void) => {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b);
};
const med = (t: number[]) => t[Math.floor(t.length / 2)]!;
const pct = (t: number[], p: number) => t[Math.min(t.length - 1, Math.floor(t.length * p))]!;

let lib = buildLibrary(files);
const parse = runs(3, () => (lib = buildLibrary(files)));
if (lib.snippets.length !== TOTAL || lib.problems.length)
  throw new Error(`parsed ${lib.snippets.length} snippets, ${lib.problems.length} problems`);
let index = SnippetIndex.of(lib.snippets);
const build = runs(3, () => (index = SnippetIndex.of(lib.snippets)));
index.search("warm up");
const queries: number[] = [];
for (let rep = 0; rep < 5; rep++)
  for (const q of LABELLED_QUERIES) {
    const s = performance.now();
    index.search(q.query, q.tags ? { tags: q.tags } : {});
    queries.push(performance.now() - s);
  }
queries.sort((a, b) => a - b);
const requests = runs(20, () => REQUESTS.forEach((r) => index.search(r, { limit: 8 })));
const heap = process.memoryUsage().heapUsed;

console.log(`${TOTAL} snippets, ${(bytes / 1024 / 1024).toFixed(1)} MB of files`);
console.log(
  `parse the library (front matter, lint checks): ${med(parse).toFixed(0)} ms (median of 3)`,
);
console.log(`build the search index: ${med(build).toFixed(0)} ms (median of 3)`);
console.log(
  `query (${LABELLED_QUERIES.length} labelled queries × 5): median ${med(queries).toFixed(2)} ms, p95 ${pct(queries, 0.95).toFixed(2)} ms, max ${queries.at(-1)!.toFixed(2)} ms`,
);
console.log(
  `planner request (top 8 of a feature request): ${(med(requests) / REQUESTS.length).toFixed(2)} ms median`,
);
const found = LABELLED_QUERIES.filter((q) =>
  index
    .search(q.query, { limit: 3, ...(q.tags ? { tags: q.tags } : {}) })
    .some((h) => h.id === q.expect),
).length;
console.log(
  `labelled queries with the expected snippet in the top 3 among 10,000: ${found}/${LABELLED_QUERIES.length}`,
);
console.log(`heap in use after indexing: ${(heap / 1024 / 1024).toFixed(0)} MB`);
