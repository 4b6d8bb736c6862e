import type { RequestLogEntry } from "../../sandbox/http/request-log.ts";

/** The parts of the demo that talk to GitHub. */
export type DemoClient = "app" | "agents" | "ci" | "reviewer" | "other";

export interface ClientFigures {
  requests: number;
  /** Answered 304 Not Modified: GitHub does not charge them against the rate limit. */
  notModified: number;
  /** Git transfers over HTTP (clone, fetch, push): not REST or GraphQL API requests. */
  git: number;
  byRoute: Record<string, number>;
}

/**
 * The App's API budget per task the demo holds itself to: REST and GraphQL requests of the App and
 * the agent jobs, 304s excluded. Git transfers are counted beside it, not in it: GitHub does not
 * count git operations against the API rate limit.
 */
export const TARGET_PER_TASK = 40;

/**
 * Who made a request, from the sandbox's request log: the App (its JWT, and installation tokens
 * for the whole installation), the agent runs (the publish job's token, minted by the App for
 * one repository, and the agent workflow's GITHUB_TOKEN), the projects' CI (other workflows'
 * GITHUB_TOKEN) and the demo's reviewer (wendy).
 */
export function demoClientOf(e: RequestLogEntry): DemoClient {
  if (e.client.startsWith("app:")) return "app";
  if (e.client.startsWith("installation:")) return e.scoped ? "agents" : "app";
  if (e.client.startsWith("workflow:"))
    return e.workflow?.endsWith("/havun-agent.yml") ? "agents" : "ci";
  if (e.client === "user:wendy") return "reviewer";
  return "other";
}

export function countByClient(entries: RequestLogEntry[]): Record<DemoClient, ClientFigures> {
  const out = {} as Record<DemoClient, ClientFigures>;
  for (const c of ["app", "agents", "ci", "reviewer", "other"] as const)
    out[c] = { requests: 0, notModified: 0, git: 0, byRoute: {} };
  for (const e of entries) {
    const f = out[demoClientOf(e)];
    f.requests++;
    if (e.status === 304) f.notModified++;
    if (isGit(e)) f.git++;
    const key = `${e.method} ${e.route}`;
    f.byRoute[key] = (f.byRoute[key] ?? 0) + 1;
  }
  return out;
}

/** A git transfer over HTTP (`git upload-pack`, `git receive-pack` in the request log). */
export function isGit(e: RequestLogEntry): boolean {
  return e.route.startsWith("git ");
}

export interface PerTask {
  tasks: number;
  /** Requests per task by client, 304s included. */
  app: number;
  agents: number;
  ci: number;
  reviewer: number;
  /** App + agent jobs' API requests per task without the 304s and git: what the target limits. */
  appAndAgents: number;
  /** App + agent jobs' git transfers per task (not API requests). */
  appAndAgentsGit: number;
  target: { max: number; met: boolean };
}

export function perTask(byClient: Record<DemoClient, ClientFigures>, tasks: number): PerTask {
  const per = (n: number) => Math.round((n / Math.max(1, tasks)) * 10) / 10;
  const charged = (f: ClientFigures) => f.requests - f.notModified - f.git;
  const appAndAgents = per(charged(byClient.app) + charged(byClient.agents));
  return {
    tasks,
    app: per(byClient.app.requests),
    agents: per(byClient.agents.requests),
    ci: per(byClient.ci.requests),
    reviewer: per(byClient.reviewer.requests),
    appAndAgents,
    appAndAgentsGit: per(byClient.app.git + byClient.agents.git),
    target: { max: TARGET_PER_TASK, met: appAndAgents <= TARGET_PER_TASK },
  };
}
