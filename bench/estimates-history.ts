import type Anthropic from "@anthropic-ai/sdk";
import { parseHubConfig } from "../app/config/parse-hub-config.ts";
import type { HubConfig } from "../app/config/hub-config-schema.ts";
import { readControl, renderControl } from "../app/core/control.ts";
import { keyedComment } from "../app/gateway/apply-actions.ts";
import type { GitHubClient } from "../app/gateway/client.ts";
import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { pacedGroup } from "../app/gateway/pacing.ts";
import { appJwtClient } from "../app/install/app-client.ts";
import { planComments } from "../app/orchestrator/plan-comments.ts";
import { runOrchestration } from "../app/orchestrator/run-orchestration.ts";
import type { Plan, Task, TaskKind } from "../app/spec/task-schema.ts";
import { signerFromPrivateKey, type MarkerSigner } from "../app/trust/marker-signer.ts";
import { APP_MANIFEST } from "../sandbox/default-seed.ts";
import { startSandbox, type Sandbox } from "../sandbox/index.ts";

/**
 * A hub with finished orchestrations, made on the sandbox the way the App makes them: the plan
 * comment, then the App's own reconcile (sub-issues, dispatch, the signed control state), each
 * sub-issue closed as done by a writer, and the App closing the hub issue. Only time is
 * synthetic: each task's dispatch time in the control state is moved back by the minutes the
 * task "took" — its planner estimate times its group's hidden bias times noise — so the history
 * read from GitHub holds known biases for calibration to find.
 */
export const HUB = "acme/hub";

const CONFIG = `version: 1
approval: auto
projects:
  - { repo: acme/api, description: The payments API }
  - { repo: acme/web, description: The web shop }
agent: { max_parallel: 10 }
`;

const AGENT = (name: string, kinds: string, repo: string) =>
  `---\nname: ${name}\ndescription: ${name} work in ${repo}.\nkinds: [${kinds}]\nrepos: [${repo}]\n---\nInstructions of ${name}.\n`;

export const AGENT_FILES: Record<string, string> = {
  ".github/havun/agents/backend.md": AGENT("backend", "implementation, testing", "acme/api"),
  ".github/havun/agents/frontend.md": AGENT("frontend", "implementation, docs", "acme/web"),
};

/** A kind of task the history holds, with how much longer than its estimate it really takes. */
export interface HistoryGroup {
  repo: string;
  kind: TaskKind;
  agent: string;
  /** What the task really takes, as a multiple of the planner's estimate (before noise). */
  bias: number;
}

export const GROUPS: HistoryGroup[] = [
  { repo: "acme/api", kind: "implementation", agent: "backend", bias: 2.2 },
  { repo: "acme/api", kind: "testing", agent: "backend", bias: 1.4 },
  { repo: "acme/web", kind: "implementation", agent: "frontend", bias: 0.6 },
  { repo: "acme/web", kind: "docs", agent: "frontend", bias: 0.8 },
];

const ESTIMATES = [15, 20, 30, 45, 60, 90];

/** A small seeded generator (mulberry32), so every run makes the same history. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HistoryHub {
  sb: Sandbox;
  config: HubConfig;
  signer: MarkerSigner;
  /** The App's installation (havuncore[bot]) and a writer of the hub (alice). */
  app: GitHubClient;
  writer: GitHubClient;
  stop(): Promise<void>;
}

const Client = Octokit.plugin(retry, throttling);

/**
 * A client as the App's: retrying and throttled, but with no spacing between writes (the
 * sandbox enforces GitHub's secondary limit itself, as the App's tests set it).
 */
function client(token: string, baseUrl: string): GitHubClient {
  return new Client({
    auth: token,
    baseUrl,
    log: { debug() {}, info() {}, warn() {}, error() {} },
    throttle: {
      write: pacedGroup(0) as never,
      notifications: pacedGroup(0) as never,
      onRateLimit: (_a: number, _o: unknown, _c: unknown, n: number) => n < 2,
      onSecondaryRateLimit: (_a: number, _o: unknown, _c: unknown, n: number) => n < 2,
    },
  }) as unknown as GitHubClient;
}

/** The sandbox with org acme (hub, api, web), the hub's config and two agents, and the App installed. */
export async function startHistoryHub(): Promise<HistoryHub> {
  const sb = await startSandbox({
    secondaryRateLimit: 0,
    actions: false,
    seed: {
      users: [{ login: "alice" }],
      orgs: [{ login: "acme", members: { alice: "admin" } }],
      repos: [
        { owner: "acme", name: "hub", files: { ".github/havun.yml": CONFIG, ...AGENT_FILES } },
        { owner: "acme", name: "api", files: { "README.md": "# api\n" } },
        { owner: "acme", name: "web", files: { "README.md": "# web\n" } },
      ],
      apps: [
        {
          slug: "havuncore",
          owner: "acme",
          manifest: APP_MANIFEST,
          installations: [{ account: "acme" }],
        },
      ],
    },
  });
  const seeded = sb.seeded.apps.havuncore!;
  const asApp = await appJwtClient({
    appId: String(seeded.app.id),
    privateKey: seeded.app.privateKeyPem,
    baseUrl: sb.apiUrl,
  });
  const { data: minted } = await asApp.rest.apps.createInstallationAccessToken({
    installation_id: seeded.installations[0]!.id,
  });
  const token = minted.token;
  const parsed = parseHubConfig(
    CONFIG,
    Object.entries(AGENT_FILES).map(([path, text]) => ({ path, text })),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return {
    sb,
    config: parsed.config,
    signer: signerFromPrivateKey(seeded.app.privateKeyPem),
    app: client(token, sb.apiUrl),
    writer: client(sb.token("alice"), sb.apiUrl),
    stop: () => sb.stop(),
  };
}

/** One synthetic orchestration: its tasks (drawn from GROUPS) and what each really took. */
export function syntheticPlan(
  n: number,
  next: () => number,
  tasksEach: number,
): { plan: Plan; actual: Record<string, number> } {
  const tasks: Task[] = [];
  const actual: Record<string, number> = {};
  for (let i = 0; i < tasksEach; i++) {
    const g = GROUPS[Math.floor(next() * GROUPS.length)]!;
    const estimate = ESTIMATES[Math.floor(next() * ESTIMATES.length)]!;
    // Noise: a factor between about 0.7 and 1.4 (uniform in log space).
    const noise = Math.exp((next() - 0.5) * 0.7);
    const id = `t${n}-${i + 1}`;
    tasks.push({
      id,
      title: `Task ${i + 1} of feature ${n}`,
      repo: g.repo,
      kind: g.kind,
      agent: g.agent,
      priority: "medium",
      dependencies: [],
      instructions: ["do it"],
      acceptance: ["it is done"],
      secrets: [],
      snippets: [],
      contracts: [],
      estimate_minutes: estimate,
    });
    actual[id] = Math.max(1, Math.round(estimate * g.bias * noise));
  }
  return { plan: { summary: `Feature ${n}.`, tasks }, actual };
}

const quiet = { info() {}, warn() {}, error() {} };
const hubRepo = { owner: "acme", repo: "hub" };

/**
 * Runs one orchestration to its end on the sandbox: opened by a writer, planned (the plan
 * comment the App posts), filed and dispatched by the App's reconcile, each task's dispatch
 * moved back by what it took, each sub-issue closed as done, the hub closed by the App.
 */
export async function finishOrchestration(
  hub: HistoryHub,
  plan: Plan,
  actual: Record<string, number>,
): Promise<number> {
  const deps = {
    octokit: hub.app,
    anthropic: {} as Anthropic,
    appSlug: "havuncore",
    signer: hub.signer,
    log: quiet,
  };
  const { data: issue } = await hub.writer.rest.issues.create({
    ...hubRepo,
    title: plan.summary,
    body: `/orchestrate ${plan.summary}`,
  });
  for (const [i, body] of planComments(plan, {
    hub: HUB,
    issueNumber: issue.number,
    approval: "auto",
  }).entries())
    await hub.app.rest.issues.createComment({
      ...hubRepo,
      issue_number: issue.number,
      body: keyedComment(i === 0 ? "plan" : `plan-${i}`, body),
    });
  await runOrchestration(deps, HUB, issue.number, hub.config);
  const { data: filed } = await hub.app.rest.issues.get({ ...hubRepo, issue_number: issue.number });
  const control = readControl(filed.body ?? "", hub.signer);
  const now = Date.now();
  for (const t of plan.tasks) {
    if (!control.dispatchedAt[t.id]) throw new Error(`task ${t.id} was not dispatched`);
    control.dispatchedAt[t.id] = new Date(now - actual[t.id]! * 60_000).toISOString();
  }
  await hub.app.rest.issues.update({
    ...hubRepo,
    issue_number: issue.number,
    body: (filed.body ?? "").replace(
      /<!-- havun:control [^>]* -->/,
      renderControl(control, hub.signer),
    ),
  });
  const { data: subs } = await hub.writer.request(
    "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues",
    { ...hubRepo, issue_number: issue.number },
  );
  for (const s of subs as { number: number; repository_url: string }[]) {
    const [owner = "", repo = ""] = s.repository_url.split("/").slice(-2);
    await hub.writer.rest.issues.update({
      owner,
      repo,
      issue_number: s.number,
      state: "closed",
      state_reason: "completed",
    });
  }
  await runOrchestration(deps, HUB, issue.number, hub.config);
  const { data: closed } = await hub.app.rest.issues.get({
    ...hubRepo,
    issue_number: issue.number,
  });
  if (closed.state !== "closed" || closed.state_reason !== "completed")
    throw new Error(`orchestration ${HUB}#${issue.number} did not finish`);
  return issue.number;
}

/** `count` finished orchestrations of `tasksEach` tasks each, made one after the other. */
export async function makeHistory(
  hub: HistoryHub,
  o: { count: number; tasksEach: number; seed: number },
): Promise<void> {
  const next = random(o.seed);
  for (let n = 1; n <= o.count; n++) {
    const { plan, actual } = syntheticPlan(n, next, o.tasksEach);
    await finishOrchestration(hub, plan, actual);
  }
}
