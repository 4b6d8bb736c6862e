import type { HubConfig } from "../config/hub-config-schema.ts";
import { labelNames } from "../core/labels.ts";
import { taskMetrics } from "../core/metrics.ts";
import { issuesByTask, taskViews } from "../core/task-status.ts";
import type { GitHubClient } from "../gateway/client.ts";
import { listOrchestrations } from "../gateway/list-orchestrations.ts";
import { readOrchestration } from "../gateway/read-orchestration.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import type { EstimateSample } from "./calibration.ts";

export interface HistoryOptions {
  appSlug: string;
  signer: MarkerSigner;
  config: HubConfig;
  /** The newest finished orchestrations read (default 30). */
  limit?: number;
}

const MAX_CACHED = 2_000;
/** A finished orchestration's samples by `hub#n@closedAt`: once finished, it stays as it is. */
const finished = new Map<string, EstimateSample[]>();

/**
 * The hub's finished tasks, as the App reads them from GitHub: its completed orchestrations
 * (newest first, one page of the hub's closed issues), each read once per App process with the
 * orchestration query; from each task the planner's estimate, its agent, attempts, and the
 * minutes from its first dispatch (the App's control state) to done (its pull request's merge).
 */
export async function readEstimateHistory(
  octokit: GitHubClient,
  hub: string,
  o: HistoryOptions,
): Promise<EstimateSample[]> {
  const { items } = await listOrchestrations(octokit, hub, { state: "closed" });
  const done = items.filter((i) => i.stateReason === "completed").slice(0, o.limit ?? 30);
  const out: EstimateSample[] = [];
  for (const item of done) {
    const key = `${hub.toLowerCase()}#${item.number}@${item.closedAt}`;
    let samples = finished.get(key);
    if (!samples) {
      samples = await readFinished(octokit, hub, item.number, o);
      finished.set(key, samples);
      if (finished.size > MAX_CACHED) finished.delete(finished.keys().next().value!);
    }
    out.push(...samples);
  }
  return out;
}

async function readFinished(
  octokit: GitHubClient,
  hub: string,
  number: number,
  o: HistoryOptions,
): Promise<EstimateSample[]> {
  const state = await readOrchestration(octokit.graphql, hub, number, {
    appSlug: o.appSlug,
    signer: o.signer,
  });
  if (!state?.plan) return [];
  const views = taskViews(
    state,
    o.config,
    labelNames(o.config),
    issuesByTask(state).chosen,
    o.appSlug,
  );
  return [...views.values()].flatMap((v): EstimateSample[] => {
    const m = taskMetrics(v, state.control);
    if (v.status !== "done" || m.actualMinutes === null || m.dispatchedAt === null) return [];
    if (m.actualMinutes <= 0) return [];
    return [
      {
        repo: v.task.repo,
        kind: v.task.kind,
        agent: v.task.agent ?? v.issue?.spec?.agent?.name ?? null,
        estimate: v.task.estimate_minutes,
        actual: Math.round(m.actualMinutes * 10) / 10,
        attempts: m.attempts,
        orchestration: `${hub}#${number}`,
        doneAt: new Date(Date.parse(m.dispatchedAt) + m.actualMinutes * 60_000).toISOString(),
      },
    ];
  });
}

/** Forgets the finished orchestrations read (tests). */
export function forgetEstimateHistory(): void {
  finished.clear();
}
