/**
 * The project board's cost in the demo and what `havun stats` costs on its hub: runs `havun demo`
 * once, then prints the App's board writes per reconcile (GraphQL requests, items added and field
 * values set, from the sandbox's request log and its `projects_v2_item` deliveries) and the
 * requests one `havun stats --hub havun/hub` makes on the finished demo.
 * Run: npx tsx bench/board-stats.ts
 */
import { demoClientOf } from "../cli/demo/client-counts.ts";
import { runDemo } from "../cli/demo/run-demo.ts";
import { hubReader } from "../app/gateway/hub-reader.ts";
import { readHubStats, type HubStats } from "../app/gateway/read-stats.ts";
import { createRestClient } from "../app/gateway/rest-client.ts";
import type { RequestLogEntry } from "../sandbox/http/request-log.ts";

/** The App's GraphQL operations that write the board (see app/gateway/apply-board.ts). */
const BOARD_WRITES = new Set([
  "HavunBoard",
  "mutation createProjectV2",
  "mutation updateProjectV2Field",
]);

let app: RequestLogEntry[] = [];
const cards = { added: 0, values: 0 };
let statsRoutes: Record<string, number> = {};
let stats: HubStats | null = null;

const result = await runDemo({
  log: () => {},
  onResult: (_r, w) => {
    app = w.sb.log.entries.filter((e) => demoClientOf(e) === "app");
    // GitHub sends `projects_v2_item` for each card added and each field value set.
    const appId = w.sb.seeded.apps.havuncore!.app.id;
    for (const d of w.sb.core.store.state.deliveries) {
      const sender = (d.payload as { sender?: { type?: string } }).sender;
      if (d.event !== "projects_v2_item" || d.appId !== appId || d.redelivery) continue;
      if (sender?.type !== "Bot") continue;
      if (d.action === "created") cards.added++;
      if (d.action === "edited") cards.values++;
    }
  },
  keep: async (w) => {
    const from = w.sb.log.entries.length;
    const octokit = createRestClient({ token: w.sb.token("wendy"), baseUrl: w.sb.apiUrl });
    stats = await readHubStats(hubReader({ octokit, hub: "havun/hub" }));
    for (const e of w.sb.log.entries.slice(from)) {
      if (e.client !== "user:wendy") continue;
      const route =
        e.route === "/graphql" ? `POST /graphql ${e.operation ?? "?"}` : `${e.method} ${e.route}`;
      statsRoutes[route] = (statsRoutes[route] ?? 0) + 1;
    }
  },
});

// Reconciles in the order the App made them: each reads the orchestration once, then writes.
const reconciles: number[] = [];
for (const e of app) {
  if (e.route !== "/graphql") continue;
  if (e.operation === "Orchestration") reconciles.push(0);
  else if (BOARD_WRITES.has(e.operation ?? "") && reconciles.length)
    reconciles[reconciles.length - 1]!++;
}
const writes = reconciles.reduce((n, w) => n + w, 0);
const byCount = new Map<number, number>();
for (const w of reconciles) byCount.set(w, (byCount.get(w) ?? 0) + 1);
const per = (n: number) => (reconciles.length ? (n / reconciles.length).toFixed(2) : "—");
const writing = reconciles.filter((w) => w > 0).length;

console.log(
  `${result.tasks.length} tasks, ${reconciles.length} reconciles (orchestration reads by the App).`,
);
console.log(
  `Board writes: ${writes} GraphQL requests (${per(writes)} per reconcile; ${writing} reconciles wrote, ${reconciles.length - writing} wrote nothing), ${cards.added} cards added, ${cards.values} field values set (${per(cards.values)} per reconcile, ${writing ? (cards.values / writing).toFixed(1) : "—"} per writing reconcile).`,
);
console.log(
  `  write requests per reconcile: ${[...byCount]
    .sort((a, b) => a[0] - b[0])
    .map(([w, n]) => `${w} × ${n}`)
    .join(", ")}`,
);
const total = Object.values(statsRoutes).reduce((n, c) => n + c, 0);
const s = stats as HubStats | null;
console.log(
  `\nhavun stats --hub havun/hub: ${total} requests for ${s?.orchestrations ?? 0} orchestration(s), ${s?.total.tasks ?? 0} tasks (${s?.total.pulls.merged ?? 0} PRs merged):`,
);
for (const [route, n] of Object.entries(statsRoutes).sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(n).padStart(4)}  ${route}`);
