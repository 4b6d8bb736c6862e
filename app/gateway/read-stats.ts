import { reconcile } from "../core/reconcile.ts";
import {
  orchestrationMetrics,
  summarize,
  type Summary,
  type TaskMetrics,
} from "../core/metrics.ts";
import { VIEW_ONLY_SIGNER } from "../trust/marker-signer.ts";
import type { HubReader } from "./hub-reader.ts";
import { listOrchestrations, type OrchestrationListing } from "./list-orchestrations.ts";
import { readOrchestration } from "./read-orchestration.ts";

export interface OrchestrationStats {
  number: number;
  title: string;
  url: string;
  state: "open" | "completed" | "cancelled";
  createdAt: string;
  summary: Summary;
  plannerUsd: number;
  plannerTokens: { input: number; output: number };
}

export interface HubStats {
  hub: string;
  since: string | null;
  orchestrations: number;
  /** Every task of those orchestrations; its cost includes planning. */
  total: Summary;
  byRepository: Record<string, Summary>;
  byKind: Record<string, Summary>;
  plannerUsd: number;
  /** Tokens the App recorded: the planner's (agents' runs record their cost only). */
  tokens: { planner: { input: number; output: number } };
  each: OrchestrationStats[];
}

function stateOf(l: OrchestrationListing): OrchestrationStats["state"] {
  return l.state === "open" ? "open" : l.stateReason === "not_planned" ? "cancelled" : "completed";
}

function grouped(tasks: TaskMetrics[], by: (t: TaskMetrics) => string): Record<string, Summary> {
  const groups = new Map<string, TaskMetrics[]>();
  for (const t of tasks) groups.set(by(t), [...(groups.get(by(t)) ?? []), t]);
  return Object.fromEntries(
    [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, summarize(v)]),
  );
}

/** The hub's orchestrations created at `since` or later, newest first: one REST request a page of 100. */
async function listSince(reader: HubReader, since: string | null): Promise<OrchestrationListing[]> {
  const out: OrchestrationListing[] = [];
  for (let page = 1; ; page++) {
    const r = await listOrchestrations(reader.octokit, reader.hub, { state: "all", page });
    const fresh = r.items.filter((l) => since === null || l.createdAt >= since);
    out.push(...fresh);
    if (!r.more || fresh.length < r.items.length) return out;
  }
}

/**
 * What the agents delivered on a hub, read from GitHub alone: its orchestrations (a page of
 * issues per 100), its config (once), then each orchestration with the one read the App makes
 * (one GraphQL request each), reconciled read-only for each task's status.
 */
export async function readHubStats(
  reader: HubReader,
  o: { since?: string | null } = {},
): Promise<HubStats> {
  const since = o.since ?? null;
  const listed = await listSince(reader, since);
  const loaded = await reader.config();
  if (!loaded.ok) throw new Error(loaded.comment);
  const config = loaded.config;
  const each: OrchestrationStats[] = [];
  const tasks: TaskMetrics[] = [];
  const tokens = { input: 0, output: 0 };
  let plannerUsd = 0;
  for (const l of listed) {
    const state = await readOrchestration(reader.octokit.graphql, reader.hub, l.number, {
      appSlug: reader.appSlug,
      signer: VIEW_ONLY_SIGNER,
    });
    if (!state?.plan) continue;
    const { views } = reconcile(state, config, {
      signer: VIEW_ONLY_SIGNER,
      appSlug: reader.appSlug,
    });
    const m = orchestrationMetrics(state, views, state.control);
    tasks.push(...m.tasks);
    plannerUsd += m.plannerUsd;
    tokens.input += m.plannerTokens.input;
    tokens.output += m.plannerTokens.output;
    each.push({
      number: l.number,
      title: l.title,
      url: l.url,
      state: stateOf(l),
      createdAt: l.createdAt,
      summary: summarize(m.tasks, m.plannerUsd),
      plannerUsd: m.plannerUsd,
      plannerTokens: m.plannerTokens,
    });
  }
  return {
    hub: reader.hub,
    since,
    orchestrations: each.length,
    total: summarize(tasks, plannerUsd),
    byRepository: grouped(tasks, (t) => t.repo),
    byKind: grouped(tasks, (t) => t.kind),
    plannerUsd,
    tokens: { planner: tokens },
    each,
  };
}
