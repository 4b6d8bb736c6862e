/**
 * The whole loop with GitHub faults or App kills, and what it made twice.
 *
 *   npx tsx bench/faults-loop.ts --faults 0.1        # one request in ten: 502, timeout, secondary limit
 *   npx tsx bench/faults-loop.ts --restart-app 15    # SIGKILL the App server every 15 s
 *
 * Prints whether the orchestration completed with every pull request merged, the faults or
 * restarts that happened, and every duplicate found (sub-issues, pull requests, the App's
 * comments, labels, board items). Exits 1 when the loop did not complete or made something twice.
 * Not a test yet: under faults the loop does not reliably finish (see docs/requests-and-faults.md).
 */
import { runDemo, type DemoResult } from "../cli/demo/run-demo.ts";
import { duplicates } from "./faults/no-duplicates.ts";

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const faults = value("--faults");
const restartAppEvery = value("--restart-app");
if (faults === undefined && restartAppEvery === undefined) {
  console.error("say what to inject: --faults RATE (0 < RATE < 1) or --restart-app SECONDS");
  process.exit(2);
}

let result: DemoResult | undefined;
let found: string[] = [];
const started = Date.now();
try {
  await runDemo({
    log: (line) => console.error(line),
    ...(faults !== undefined ? { faults } : {}),
    ...(restartAppEvery !== undefined ? { restartAppEvery } : {}),
    onResult: (r) => {
      result = r;
    },
    keep: async (w) => {
      if (result) found = await duplicates(w, result.hub.issue);
    },
  });
} catch (err) {
  console.error(`the loop failed: ${(err as Error).message}`);
}
const r = result;
const merged = r?.tasks.filter((t) => t.pr?.merged).length ?? 0;
console.log(
  JSON.stringify(
    {
      seconds: Math.round((Date.now() - started) / 100) / 10,
      hub: r?.hub.state ?? "unknown",
      tasks: r?.tasks.length ?? 0,
      merged,
      reliability: r?.reliability ?? null,
      duplicates: found,
    },
    null,
    2,
  ),
);
const complete = r?.hub.state === "closed" && merged === r.tasks.length && r.tasks.length > 0;
process.exit(complete && found.length === 0 ? 0 : 1);
