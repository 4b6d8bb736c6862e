/**
 * Benchmark of the OpenAPI breaking-change engine on GitHub's REST description (13 MB, OpenAPI
 * 3.0.3) against a copy with a few dozen scattered changes. Prints the engine's time next to the
 * time JSON.parse needs for both files (the ratio; the target is load + diff ≤ 2×), the number of
 * findings, and peak memory. Each run times JSON.parse and the engine back to back, so a busy
 * machine slows both; the figures are medians over several runs, by the wall clock and by this
 * thread's CPU time (which other processes on a busy machine do not inflate).
 *
 *   npx tsx bench/openapi-diff.ts [runs]
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { diffSpecs } from "../contracts/openapi/diff.ts";
import { groupFindings } from "../contracts/openapi/format/group.ts";
import { loadSpecText } from "../contracts/openapi/load.ts";
import { mutateGithubDescription } from "./openapi-mutations.ts";

const require = createRequire(import.meta.url);
const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
const baseText = readFileSync(file, "utf8");
const { text: headText, applied } = mutateGithubDescription(baseText);

// A full collection before each timed phase, so no phase pays for the garbage of the one before
// (the documents JSON.parse built, the previous run's): each starts from the same live heap.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** Time on this thread (user + system), in ms: what a busy machine's other work does not add. */
const cpuMs = (): number => {
  // Node 23.9+; @types/node does not list it yet.
  const u = (process as NodeJS.Process & { threadCpuUsage(): NodeJS.CpuUsage }).threadCpuUsage();
  return (u.user + u.system) / 1000;
};

let peakRss = process.memoryUsage().rss;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 5);

interface Took {
  ms: number;
  cpu: number;
}

function time<T>(run: () => T): [T, Took] {
  collect();
  const start = performance.now();
  const cpu = cpuMs();
  const value = run();
  const took = { ms: performance.now() - start, cpu: cpuMs() - cpu };
  sample();
  return [value, took];
}

async function timeAsync<T>(run: () => Promise<T>): Promise<[T, Took]> {
  collect();
  const start = performance.now();
  const cpu = cpuMs();
  const value = await run();
  const took = { ms: performance.now() - start, cpu: cpuMs() - cpu };
  sample();
  return [value, took];
}

const RUNS = Number(process.argv[2] ?? 7);
const runs: { parse: Took; load: Took; diff: Took; findings: number }[] = [];
for (let i = 0; i <= RUNS; i++) {
  const [, parse] = time(() => [JSON.parse(baseText), JSON.parse(headText)]);
  // One after the other: the texts are in memory, there is no reading to overlap.
  const [[base, head], load] = await timeAsync(async () => [
    await loadSpecText(baseText, { label: "base", file: "api.github.com.json" }),
    await loadSpecText(headText, { label: "head", file: "api.github.com.json" }),
  ]);
  const [findings, diff] = time(() => diffSpecs(base, head));
  runs.push({ parse, load, diff, findings: findings.length });
  if (i === 0) report(findings);
}
clearInterval(timer);

function report(findings: ReturnType<typeof diffSpecs>): void {
  const byLevel = { ERR: 0, WARN: 0, INFO: 0 };
  const byRule = new Map<string, number>();
  for (const f of findings) {
    byLevel[f.level]++;
    byRule.set(f.id, (byRule.get(f.id) ?? 0) + 1);
  }
  console.log(
    `GitHub REST description: ${(baseText.length / 1e6).toFixed(1)} MB, ${applied.length} changes applied:`,
  );
  for (const a of applied) console.log(`  - ${a}`);
  console.log(
    `\nfindings: ${findings.length} (ERR ${byLevel.ERR}, WARN ${byLevel.WARN}, INFO ${byLevel.INFO}), ` +
      `${groupFindings(findings).length} distinct changes once grouped across operations`,
  );
  console.log(`distinct rules hit: ${byRule.size}`);
  for (const [id, n] of [...byRule].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(5)}  ${id}`);
}

// The first run warms the JIT; the figures are medians of the runs that follow (ratios per run).
const measured = runs.slice(1);
const median = (pick: (r: (typeof runs)[number]) => number): number => {
  const xs = measured.map(pick).sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)] as number;
};
const mem = process.memoryUsage();
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(
  `\ntimes (median of ${measured.length} runs after one warm-up, a full GC before each phase; ` +
    `× = multiple of JSON.parse):`,
);
for (const clock of ["ms", "cpu"] as const) {
  const parse = median((r) => r.parse[clock]);
  const load = median((r) => r.load[clock]);
  const diff = median((r) => r.diff[clock]);
  const row = (label: string, ms: number): string =>
    `  ${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / parse).toFixed(1).padStart(5)}×`;
  console.log(clock === "ms" ? "wall clock:" : "CPU time of this thread:");
  console.log(row("JSON.parse of both files", parse));
  console.log(row("engine load of both", load) + "   (parse, version check, index)");
  console.log(row("engine diff", diff));
  console.log(row("engine load + diff", load + diff));
  const ratio = median((r) => (r.load[clock] + r.diff[clock]) / r.parse[clock]);
  console.log(
    `  load + diff ÷ JSON.parse, median of the per-run ratios: ${ratio.toFixed(2)}× ` +
      `(target ≤ 2×: ${ratio <= 2 ? "met" : "not met"})`,
  );
}
console.log(
  `memory: peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (OS), ${mb(peakRss)} sampled; ` +
    `heapUsed ${mb(mem.heapUsed)} at the end`,
);
