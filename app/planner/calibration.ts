import type { CalibratedEstimate, Plan, Task, TaskKind } from "../spec/task-schema.ts";

/** One finished task of an earlier orchestration: what the planner said and what it took. */
export interface EstimateSample {
  repo: string;
  kind: TaskKind;
  /** The agent that did it; null for a task from before agents. */
  agent: string | null;
  /** The planner's estimate, minutes. */
  estimate: number;
  /** From its first dispatch to done (its pull request merged), minutes. */
  actual: number;
  attempts: number;
  /** The orchestration it belonged to (`owner/hub#n`) and when the task was done (ISO time). */
  orchestration: string;
  doneAt: string;
}

type Basis = CalibratedEstimate["basis"];
type Subject = Pick<Task, "repo" | "kind" | "estimate_minutes"> & { agent?: string | undefined };

/** A group needs this many finished tasks before its figures are used. */
export const MIN_SAMPLES = 3;
const MAX_MINUTES = 10_000;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The groups a task's estimate may learn from, most specific first. */
const GROUPS: Array<[Basis, (s: EstimateSample, t: Subject) => boolean]> = [
  [
    "repo+kind+agent",
    (s, t) => same(s.repo, t.repo) && s.kind === t.kind && s.agent === (t.agent ?? null),
  ],
  ["repo+kind", (s, t) => same(s.repo, t.repo) && s.kind === t.kind],
  ["kind+agent", (s, t) => s.kind === t.kind && s.agent === (t.agent ?? null)],
  ["kind", (s, t) => s.kind === t.kind],
  ["all", () => true],
];

/** The q-quantile (0..1) of sorted values, interpolated. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

const clamp = (n: number) => Math.min(MAX_MINUTES, Math.max(1, Math.round(n)));

/**
 * The planner's estimate corrected by how long similar finished tasks took against their own
 * estimates: from the most specific group with at least MIN_SAMPLES finished tasks (same
 * repository, kind and agent; then repository and kind; kind and agent; kind; all), the median
 * of actual/estimate applied to this estimate, with the middle half of the ratios as its range.
 * Ratios, not minutes: a group's tasks differ in size, their planner's bias is what they share.
 * Null without enough history.
 */
export function calibrate(
  task: Subject,
  history: readonly EstimateSample[],
): CalibratedEstimate | null {
  for (const [basis, member] of GROUPS) {
    const ratios = history
      .filter((s) => s.estimate > 0 && s.actual > 0 && member(s, task))
      .map((s) => Math.log(s.actual / s.estimate))
      .sort((a, b) => a - b);
    if (ratios.length < MIN_SAMPLES) continue;
    const at = (q: number) => clamp(task.estimate_minutes * Math.exp(quantile(ratios, q)));
    const minutes = at(0.5);
    return {
      minutes,
      low: Math.min(at(0.25), minutes),
      high: Math.max(at(0.75), minutes),
      samples: ratios.length,
      basis,
    };
  }
  return null;
}

/** The plan with each task's calibrated estimate (none where there is too little history). */
export function calibratePlan(plan: Plan, history: readonly EstimateSample[]): Plan {
  return {
    ...plan,
    tasks: plan.tasks.map((t) => {
      const { calibrated: _old, ...rest } = t;
      const c = calibrate(t, history);
      return c ? { ...rest, calibrated: c } : rest;
    }),
  };
}

/** A task's best estimate in minutes: the calibrated one when there is one, else the planner's. */
export function estimateMinutes(task: Pick<Task, "estimate_minutes" | "calibrated">): number {
  return task.calibrated?.minutes ?? task.estimate_minutes;
}
