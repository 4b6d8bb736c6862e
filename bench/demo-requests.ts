/**
 * Where the demo's GitHub requests go: runs `havun demo` once and prints its requests per task by
 * client (the App, the agent runs, CI, the reviewer), each client's routes (GraphQL by operation),
 * and how many were answered 304 Not Modified (free against GitHub's rate limit).
 * Run: npx tsx bench/demo-requests.ts [--faults RATE]
 */
import { demoClientOf } from "../cli/demo/client-counts.ts";
import { runDemo } from "../cli/demo/run-demo.ts";
import type { RequestLogEntry } from "../sandbox/http/request-log.ts";

let entries: RequestLogEntry[] = [];
const result = await runDemo({
  log: () => {},
  onResult: (_r, w) => {
    entries = [...w.sb.log.entries];
  },
});
const tasks = result.tasks.length;
const rows = new Map<string, { n: number; notModified: number }>();
for (const e of entries) {
  const route =
    e.route === "/graphql" ? `POST /graphql ${e.operation ?? "?"}` : `${e.method} ${e.route}`;
  const key = `${demoClientOf(e)}\t${route}`;
  const row = rows.get(key) ?? { n: 0, notModified: 0 };
  row.n++;
  if (e.status === 304) row.notModified++;
  rows.set(key, row);
}
const p = result.api.perTask;
console.log(
  `${tasks} tasks, ${result.api.requests} GitHub requests (${result.api.notModified} answered 304). Per task: App ${p.app}, agents ${p.agents}, CI ${p.ci}, reviewer ${p.reviewer}; App + agents' API requests without 304s ${p.appAndAgents} (target ≤ ${p.target.max}: ${p.target.met ? "met" : "not met"}), and ${p.appAndAgentsGit} git transfers`,
);
const charged = Object.entries(result.api.byClient)
  .filter(([, f]) => f.requests)
  .map(
    ([c, f]) =>
      `${c} ${Math.round(((f.requests - f.notModified - f.git) / tasks) * 10) / 10} + ${Math.round((f.git / tasks) * 10) / 10} git`,
  );
console.log(`Per task without 304s: ${charged.join(", ")}`);
for (const client of ["app", "agents", "ci", "reviewer", "other"]) {
  const mine = [...rows]
    .filter(([k]) => k.startsWith(`${client}\t`))
    .sort((a, b) => b[1].n - a[1].n);
  if (!mine.length) continue;
  console.log(`\n${client}:`);
  for (const [k, v] of mine)
    console.log(
      `  ${String(v.n).padStart(4)}${v.notModified ? ` (${v.notModified} × 304)` : ""}  ${k.split("\t")[1]}`,
    );
}
