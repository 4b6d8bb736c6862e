/**
 * Many orchestrations at once on one App and one sandbox: N hub issues ask `/orchestrate` in the
 * same second, each plan has 5 tasks (two waves of dependencies), and every task is finished the
 * moment the App makes it ready (its sub-issue closed as a merged pull request would close it),
 * until every hub issue is closed. The App runs in a process of its own, so its peak memory
 * (VmHWM) is its own. Prints whether all completed, the App's peak memory and requests per task.
 * The agents' own runs are not part of this: `bench/demo-requests.ts` counts those.
 * Run: npx tsx bench/concurrency.ts [orchestrations] [tasks]   (default: 20 5)
 */
import { readFileSync } from "node:fs";
import { Octokit } from "@octokit/rest";
import { restartingApp } from "../cli/demo/demo-app.ts";
import { demoClientOf } from "../cli/demo/client-counts.ts";
import { APP_MANIFEST } from "../sandbox/default-seed.ts";
import { startSandbox } from "../sandbox/index.ts";
import { createModelApi } from "../sandbox/model/index.ts";
import { HUB_CONFIG } from "../test/app/harness.ts";
import { quiet } from "../test/sandbox/fixtures.ts";

const orchestrations = Number(process.argv[2] ?? 20) || 20;
const perPlan = Number(process.argv[3] ?? 5) || 5;

/** t1 first; then t2…tn, each after t1 or t2: two waves of dependencies. */
function plan(n: number) {
  return {
    summary: `${n} tasks`,
    tasks: Array.from({ length: n }, (_, i) => ({
      id: `t${i + 1}`,
      title: `Task ${i + 1}`,
      repo: i % 2 ? "havun/portal" : "havun/api",
      kind: "implementation",
      priority: "medium",
      dependencies: i === 0 ? [] : i < 3 ? ["t1"] : ["t2"],
      instructions: ["Implement it"],
      acceptance: ["It works"],
      secrets: [],
      snippets: [],
      contracts: [],
      estimate_minutes: 30,
    })),
  };
}

const model = createModelApi({
  scenarios: [
    {
      name: "plan",
      match: { tools: ["submit_plan"] },
      turns: [{ content: [{ type: "tool_use", name: "submit_plan", input: plan(perPlan) }] }],
    },
  ],
});
const sb = await startSandbox({
  extraRoutes: [model.route],
  secondaryRateLimit: 0,
  actions: false,
  seed: {
    users: [{ login: "wendy" }],
    orgs: [{ login: "havun", members: { wendy: "admin" } }],
    repos: [
      { owner: "havun", name: "hub", files: { ".github/havun.yml": HUB_CONFIG } },
      { owner: "havun", name: "api", files: { "README.md": "# api\n" } },
      { owner: "havun", name: "portal", files: { "README.md": "# portal\n" } },
    ],
    apps: [
      {
        slug: "havuncore",
        owner: "havun",
        manifest: APP_MANIFEST,
        installations: [{ account: "havun" }],
      },
    ],
  },
});
const registered = sb.seeded.apps.havuncore!.app;
// A child process that is never restarted: its memory is the App's alone.
const app = await restartingApp(
  {
    appId: registered.id,
    privateKey: registered.privateKeyPem,
    webhookSecret: registered.webhookSecret,
    baseUrl: sb.apiUrl,
    model: { apiKey: "sk-ant-bench", baseURL: `${sb.serverUrl}/anthropic` },
    logLevel: "fatal",
    writeSpacingMs: 0,
    resume: false,
  },
  Infinity,
);
registered.webhookUrl = app.webhookUrl;
const wendy = new Octokit({ auth: sb.token("wendy"), baseUrl: sb.apiUrl, log: quiet });

const settle = async () => {
  for (let i = 0; i < 200; i++) {
    const before = sb.core.store.state.deliveries.length;
    await sb.webhooks.idle();
    await app.queue.idle();
    await sb.webhooks.idle();
    if (sb.core.store.state.deliveries.length === before) return;
  }
  throw new Error("the App and the sandbox did not settle");
};

const started = performance.now();
let complete = 0;
try {
  const hubs = await Promise.all(
    Array.from({ length: orchestrations }, (_, i) =>
      wendy.issues
        .create({ owner: "havun", repo: "hub", title: `Feature ${i + 1}`, body: "/orchestrate go" })
        .then((r) => r.data.number),
    ),
  );
  for (let round = 0; round < 10 * perPlan; round++) {
    await settle();
    const ready = (
      await Promise.all(
        ["api", "portal"].map((repo) =>
          wendy.paginate(wendy.issues.listForRepo, {
            owner: "havun",
            repo,
            state: "open",
            labels: "havun:ready",
            per_page: 100,
          }),
        ),
      )
    ).flat();
    const open = await wendy.paginate(wendy.issues.listForRepo, {
      owner: "havun",
      repo: "hub",
      state: "open",
      per_page: 100,
    });
    complete = hubs.filter((n) => !open.some((i) => i.number === n)).length;
    if (!ready.length) break;
    await Promise.all(
      ready.map((i) =>
        wendy.issues.update({
          owner: "havun",
          repo: i.repository_url.split("/").pop()!,
          issue_number: i.number,
          state: "closed",
          state_reason: "completed",
        }),
      ),
    );
  }
  const pid = app.pid();
  const status = pid ? readFileSync(`/proc/${pid}/status`, "utf8") : "";
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const appEntries = sb.log.entries.filter((e) => demoClientOf(e) === "app");
  const charged = appEntries.filter((e) => e.status !== 304).length;
  const tasks = orchestrations * perPlan;
  const graphql = appEntries.filter((e) => e.route === "/graphql").length;
  console.log(
    `${orchestrations} orchestrations × ${perPlan} tasks at once: ${complete}/${orchestrations} completed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `App peak memory (VmHWM) ${(peakKb / 1024).toFixed(0)} MiB · App requests ${appEntries.length} (${appEntries.length - charged} answered 304, GraphQL ${graphql}) · ${(charged / tasks).toFixed(1)} per task without 304s`,
  );
  if (complete !== orchestrations) process.exitCode = 1;
} finally {
  await app.stop();
  await sb.stop();
}
