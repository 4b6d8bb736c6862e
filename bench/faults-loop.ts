/**
 * The whole loop with GitHub faults or App kills, and what it made twice.
 *
 *   npx tsx bench/faults-loop.ts --faults 0.1        # one request in ten: 502, timeout, secondary limit
 *   npx tsx bench/faults-loop.ts --restart-app 15    # SIGKILL the App server every 15 s
 *
 * Prints whether the orchestration completed with every pull request merged, the faults or
 * restarts that happened, and every duplicate found (sub-issues, pull requests, the App's
 * comments, labels, board items). Exits 1 when the loop did not complete or made something twice.
 * The same runs are tests (test/faults/); this prints the figures, e.g. to try another rate.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
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
    onFailure: async (w) => {
      // Where it stopped: each task's sub-issue with its labels and the App's last word, and runs.
      const gh = w.reviewer;
      for (const repo of ["api", "portal"]) {
        const issues = await gh.issues.listForRepo({ owner: "havun", repo, state: "all" });
        for (const i of issues.data) {
          const labels = i.labels.map((l) => (typeof l === "string" ? l : l.name)).join(", ");
          const notes = await gh.issues.listComments({
            owner: "havun",
            repo,
            issue_number: i.number,
          });
          const last = notes.data.at(-1)?.body?.split("\n").slice(0, 3).join(" / ") ?? "";
          console.error(`  havun/${repo}#${i.number} ${i.state} [${labels}] ${last}`);
        }
        const runs = await gh.actions.listWorkflowRunsForRepo({ owner: "havun", repo });
        for (const r of runs.data.workflow_runs)
          console.error(`  run ${r.id} ${r.name} ${r.event} ${r.status} ${r.conclusion ?? ""}`);
      }
      // The end of each failed job's log (the runner keeps them while the world runs).
      const dir = w.sb.actions?.runner.logsDir;
      for (const file of dir ? readdirSync(dir, { recursive: true, encoding: "utf8" }) : []) {
        const path = join(dir!, file);
        if (!statSync(path).isFile()) continue;
        const text = readFileSync(path, "utf8");
        if (/##\[error\]|::error::|Error:/.test(text))
          console.error(`--- ${file}\n${text.split("\n").slice(-25).join("\n")}`);
      }
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
