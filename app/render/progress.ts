import { formatEta } from "./duration.ts";
import { remainingMinutes } from "./eta.ts";
import type { StatusView } from "./status-view.ts";

export interface Progress {
  done: number;
  /** Tasks that count: all but cancelled ones. */
  total: number;
  cancelled: number;
  failed: number;
  percent: number;
  /**
   * Minutes until the unfinished tasks are done at their estimates (calibrated where the plan
   * has one), dispatched in plan order at most max_parallel at once (eta.ts).
   */
  remainingMinutes: number;
  costUsd: number;
}

export function progress(view: StatusView): Progress {
  const count = (status: string) => view.tasks.filter((t) => t.status === status).length;
  const cancelled = count("cancelled");
  const total = view.tasks.length - cancelled;
  const done = count("done");
  return {
    done,
    total,
    cancelled,
    failed: count("failed"),
    percent: total === 0 ? 100 : Math.floor((done / total) * 100),
    remainingMinutes: remainingMinutes(view.tasks, view.maxParallel),
    costUsd: view.tasks.reduce((sum, t) => sum + (t.costUsd ?? 0), 0),
  };
}

/** `▓▓▓▓░░░░░░` for 40 %. */
export function bar(percent: number, width = 10): string {
  const filled = Math.round((percent / 100) * width);
  return "▓".repeat(filled) + "░".repeat(width - filled);
}

export function etaText(p: Progress): string {
  return formatEta(p.remainingMinutes);
}
