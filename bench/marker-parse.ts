// Times reading hidden markers from hostile pull request bodies: the regex findMarkers used
// before (copied here as the baseline) against today's linear scan, at four body sizes.
// Run: npx tsx bench/marker-parse.ts
import { performance } from "node:perf_hooks";
import { findMarkers } from "../app/spec/markers.ts";

const LEGACY = /<!-- havun:([a-z][a-z0-9-]{0,39})((?:[ \t]+[^\s]+)*)[ \t]+-->/g;
const legacy = (body: string) => [...body.matchAll(LEGACY)].length;
const linear = (body: string) => findMarkers(body).length;

/** Openings that are never closed, each a token of the one before: the regex retries each. */
const repeatedOpenings = (chars: number) =>
  "<!-- havun:x ".repeat(Math.ceil(chars / 13)).slice(0, chars);
/** The same, closed only after a line break: every opening is read and refused. */
const openingsThenBreak = (chars: number) => `${repeatedOpenings(chars - 5)}\n -->`;
/** One opening, then space-separated tokens and no `-->`. */
const oneOpening = (chars: number) => `<!-- havun:x ${"tok ".repeat(chars / 4)}`.slice(0, chars);

function time(parse: (body: string) => number, body: string): number {
  parse(body); // warm-up
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    parse(body);
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

const sizes = [6_500, 13_000, 26_000, 65_000];
for (const [name, make] of [
  ["repeated `<!-- havun:x ` openings", repeatedOpenings],
  ["the same, closed after a line break", openingsThenBreak],
  ["one opening + tokens, no -->", oneOpening],
] as const) {
  console.log(`\n${name} (median of 5 runs)`);
  console.log("size      regex ms   linear ms   regex/linear");
  const rows = sizes.map((size) => {
    const body = make(size);
    return { size, regex: time(legacy, body), linear: time(linear, body) };
  });
  for (const { size, regex, linear: scan } of rows) {
    console.log(
      `${(size / 1000).toFixed(1).padStart(4)} KB ${regex.toFixed(3).padStart(10)} ${scan
        .toFixed(3)
        .padStart(11)} ${(regex / scan).toFixed(0).padStart(14)}`,
    );
  }
  const [first, last] = [rows[0]!, rows[rows.length - 1]!];
  console.log(
    `growth 6.5 KB → 65 KB (10× the size): regex ${(last.regex / first.regex).toFixed(0)}×, linear ${(last.linear / first.linear).toFixed(0)}×`,
  );
}
