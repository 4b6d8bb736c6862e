// The measured comparison behind the snippet search's library: each candidate indexes the same
// documents (snippets/search-doc.ts) with the same field weights, and answers the labelled
// queries (test/snippets/fixture-library.ts) — first on the 36-snippet library, then with the
// real snippets hidden among 10,000 — and we count how often the expected snippet is in the top
// 3, the mean reciprocal rank, index and query time, and the size of what the App loads.
//
// Candidates that are not installed are skipped: the project keeps only the chosen one. To run
// the whole comparison again:
//   npm install --no-save minisearch flexsearch lunr fuse.js @orama/orama
//   npx tsx bench/snippets-search-compare.ts
// The figures of the run that chose the library are in bench/snippets-search-comparison.md.
import { build } from "esbuild";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { LABELLED_QUERIES } from "../test/snippets/fixture-library.ts";
import { CANDIDATES, type Search } from "./snippets-search-candidates.ts";
import { corpus, fixtureDocs } from "./snippets-corpus.ts";

interface Quality {
  top3: number;
  top1: number;
  mrr: number;
  misses: string[];
}

async function quality(search: Search): Promise<Quality> {
  let top3 = 0;
  let top1 = 0;
  let rr = 0;
  const misses: string[] = [];
  for (const q of LABELLED_QUERIES) {
    const ids = await search(q.query, q.tags);
    const rank = ids.indexOf(q.expect);
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    else
      misses.push(
        `${q.kind}: "${q.query}"${q.tags ? ` [${q.tags}]` : ""} → #${rank < 0 ? "–" : rank + 1}`,
      );
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  return { top3, top1, mrr: rr / LABELLED_QUERIES.length, misses };
}

function dirSize(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return n;
}

/** The minified size of what importing the package brings into a bundle. */
async function bundleSize(pkg: string): Promise<number> {
  const r = await build({
    stdin: {
      contents: `import * as m from ${JSON.stringify(pkg)}; console.log(m);`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    minify: true,
    write: false,
    platform: "node",
    format: "esm",
    logLevel: "silent",
  });
  return r.outputFiles[0]!.contents.byteLength;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

const small = fixtureDocs();
const big = corpus(10_000);
const rows: string[] = [];
const notes: string[] = [];
console.log(
  `${LABELLED_QUERIES.length} labelled queries; ${small.length} real snippets; ${big.length} documents in the large corpus\n`,
);
for (const c of CANDIDATES.filter((x) => !process.argv[2] || x.pkg === process.argv[2])) {
  console.error(`measuring ${c.name}…`);
  if (!existsSync(join("node_modules", c.pkg))) {
    console.log(`${c.name}: not installed (npm install --no-save ${c.pkg}) — skipped`);
    continue;
  }
  const q36 = await quality(await c.build(small));
  const indexRuns: number[] = [];
  let search: Search | null = null;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    search = await c.build(big);
    indexRuns.push(performance.now() - t);
  }
  const q10k = await quality(search!);
  const times: number[] = [];
  for (let rep = 0; rep < 2; rep++)
    for (const q of LABELLED_QUERIES) {
      const t = performance.now();
      await search!(q.query, q.tags);
      times.push(performance.now() - t);
    }
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)]!;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const n = LABELLED_QUERIES.length;
  rows.push(
    `| ${c.name} | ${q36.top3}/${n} | ${q10k.top3}/${n} | ${q10k.top1}/${n} | ${q10k.mrr.toFixed(2)} | ${median(indexRuns).toFixed(0)} ms | ${mean.toFixed(2)} ms | ${p95.toFixed(2)} ms | ${kb(await bundleSize(c.pkg))} | ${kb(dirSize(join("node_modules", c.pkg)))} |`,
  );
  notes.push(
    `- **${c.name}** (${c.notes}). Misses at 10,000: ${q10k.misses.join("; ") || "none"}.`,
  );
}
console.log(
  "| library | top 3 (36) | top 3 (10k) | top 1 (10k) | MRR (10k) | index 10k | query mean | query p95 | bundle (min) | installed |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(r);
console.log(`\n${notes.join("\n")}`);
