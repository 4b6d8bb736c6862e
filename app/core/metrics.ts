import type { Control } from "./control.ts";
import { issueCostUsd } from "./budget.ts";
import type { OrchestrationState, TaskStatus, TaskView } from "./state.ts";

/** One task's figures, read from its sub-issue, its own pull requests and the control state. */
export interface TaskMetrics {
  id: string;
  repo: string;
  kind: string;
  status: TaskStatus;
  attempts: number;
  fixRounds: number;
  runs: number;
  costUsd: number;
  estimateMinutes: number;
  /** The task's own pull requests (opened by the App from its branch). */
  pulls: { opened: number; merged: number; closedUnmerged: number };
  dispatchedAt: string | null;
  /** From its first dispatch to its pull request's merge. */
  dispatchToMergeMinutes: number | null;
  /** From its first dispatch to done (its merge, or its sub-issue closed by a writer). */
  actualMinutes: number | null;
}

export interface OrchestrationMetrics {
  hub: string;
  number: number;
  tasks: TaskMetrics[];
  plannerUsd: number;
  plannerTokens: { input: number; output: number };
}

function minutes(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms / 60_000 : null;
}

export function taskMetrics(v: TaskView, control: Control): TaskMetrics {
  const own = v.issue?.pulls.filter((p) => p.own) ?? [];
  const merged = own.find((p) => p.state === "MERGED");
  const dispatchedAt = control.dispatchedAt[v.task.id] ?? null;
  const doneAt =
    merged?.mergedAt ?? (v.status === "done" ? (v.issue?.closedAt ?? null) : null) ?? null;
  return {
    id: v.task.id,
    repo: v.task.repo,
    kind: v.task.kind,
    status: v.status,
    attempts: v.issue ? v.attempt : 0,
    fixRounds: control.fixRounds[v.task.id] ?? 0,
    runs: v.issue?.runs?.length ?? 0,
    costUsd: v.issue ? issueCostUsd(v.issue) : 0,
    estimateMinutes: v.task.estimate_minutes,
    pulls: {
      opened: own.length,
      merged: own.filter((p) => p.state === "MERGED").length,
      closedUnmerged: own.filter((p) => p.state === "CLOSED").length,
    },
    dispatchedAt,
    dispatchToMergeMinutes: minutes(dispatchedAt, merged?.mergedAt),
    actualMinutes: minutes(dispatchedAt, doneAt),
  };
}

export function orchestrationMetrics(
  state: OrchestrationState,
  views: TaskView[],
  control: Control,
): OrchestrationMetrics {
  const planner = state.planner ?? [];
  return {
    hub: state.hub.repo,
    number: state.hub.number,
    tasks: views.map((v) => taskMetrics(v, control)),
    plannerUsd: planner.reduce((n, p) => n + p.usd, 0),
    plannerTokens: {
      input: planner.reduce((n, p) => n + p.inputTokens, 0),
      output: planner.reduce((n, p) => n + p.outputTokens, 0),
    },
  };
}

/** The figures a team asks for, over any set of tasks (an orchestration, a hub, a repository). */
export interface Summary {
  tasks: number;
  done: number;
  failed: number;
  cancelled: number;
  pulls: {
    opened: number;
    merged: number;
    closedUnmerged: number;
    /** Merged of those that were decided (merged or closed unmerged); null before any was. */
    mergeRate: number | null;
  };
  medianDispatchToMergeMinutes: number | null;
  attemptsPerTask: number | null;
  fixRoundsPerTask: number | null;
  /** Agent runs (attempts and fix rounds) with a recorded cost. */
  runs: number;
  costUsd: number;
  costPerMergedPullUsd: number | null;
  /** Tasks done with a first dispatch: what they were estimated at, and what they took. */
  estimates: { tasks: number; estimatedMinutes: number; actualMinutes: number };
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** Figures over tasks; `extraUsd` is spending no task carries (planning). */
export function summarize(tasks: TaskMetrics[], extraUsd = 0): Summary {
  const sum = (f: (t: TaskMetrics) => number) => tasks.reduce((n, t) => n + f(t), 0);
  const worked = tasks.filter((t) => t.attempts > 0);
  const opened = sum((t) => t.pulls.opened);
  const merged = sum((t) => t.pulls.merged);
  const closedUnmerged = sum((t) => t.pulls.closedUnmerged);
  const costUsd = round(sum((t) => t.costUsd) + extraUsd, 4);
  const timed = tasks.filter((t) => t.status === "done" && t.actualMinutes !== null);
  return {
    tasks: tasks.length,
    done: tasks.filter((t) => t.status === "done").length,
    failed: tasks.filter((t) => t.status === "failed").length,
    cancelled: tasks.filter((t) => t.status === "cancelled").length,
    pulls: {
      opened,
      merged,
      closedUnmerged,
      mergeRate: merged + closedUnmerged ? round(merged / (merged + closedUnmerged), 4) : null,
    },
    medianDispatchToMergeMinutes: (() => {
      const m = median(
        tasks.flatMap((t) => (t.dispatchToMergeMinutes === null ? [] : [t.dispatchToMergeMinutes])),
      );
      return m === null ? null : round(m, 2);
    })(),
    attemptsPerTask: worked.length ? round(sum((t) => t.attempts) / worked.length, 2) : null,
    fixRoundsPerTask: worked.length ? round(sum((t) => t.fixRounds) / worked.length, 2) : null,
    runs: sum((t) => t.runs),
    costUsd,
    costPerMergedPullUsd: merged ? round(costUsd / merged, 4) : null,
    estimates: {
      tasks: timed.length,
      estimatedMinutes: timed.reduce((n, t) => n + t.estimateMinutes, 0),
      actualMinutes: round(
        timed.reduce((n, t) => n + t.actualMinutes!, 0),
        2,
      ),
    },
  };
}
