import { calibrate, type EstimateSample } from "./calibration.ts";

/** How far estimates were from what tasks took, before and after calibration. */
export interface EstimateErrors {
  /** Finished tasks measured. */
  tasks: number;
  /** Of those, how many had enough earlier history to be calibrated. */
  calibrated: number;
  /** Median of |estimate − actual|, minutes: the planner's, and calibrated (the planner's where none). */
  medianAbsMinutes: { before: number | null; after: number | null };
  /** Median of |estimate − actual| / actual. */
  medianAbsRelative: { before: number | null; after: number | null };
  /** How often the actual time fell inside the calibrated range. */
  inRange: number | null;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (n: number | null, places = 2) =>
  n === null ? null : Math.round(n * 10 ** places) / 10 ** places;

/**
 * The estimate error over a history, as the App would have met it: orchestrations in the order
 * they finished, each task's estimate calibrated only from orchestrations that finished before
 * its own (nothing learns from its own outcome). `only` limits which samples are measured (by
 * default every one; the earlier ones still teach).
 */
export function estimateErrors(
  history: readonly EstimateSample[],
  only: (s: EstimateSample) => boolean = () => true,
): EstimateErrors {
  const finished = new Map<string, string>();
  for (const s of history) {
    const last = finished.get(s.orchestration);
    if (last === undefined || s.doneAt > last) finished.set(s.orchestration, s.doneAt);
  }
  const before: number[] = [];
  const after: number[] = [];
  const relBefore: number[] = [];
  const relAfter: number[] = [];
  let calibrated = 0;
  let inside = 0;
  for (const s of history.filter(only)) {
    const end = finished.get(s.orchestration)!;
    const earlier = history.filter((h) => finished.get(h.orchestration)! < end);
    const c = calibrate(
      { repo: s.repo, kind: s.kind, agent: s.agent ?? undefined, estimate_minutes: s.estimate },
      earlier,
    );
    const guess = c?.minutes ?? s.estimate;
    if (c) {
      calibrated++;
      if (s.actual >= c.low && s.actual <= c.high) inside++;
    }
    before.push(Math.abs(s.estimate - s.actual));
    after.push(Math.abs(guess - s.actual));
    relBefore.push(Math.abs(s.estimate - s.actual) / s.actual);
    relAfter.push(Math.abs(guess - s.actual) / s.actual);
  }
  return {
    tasks: before.length,
    calibrated,
    medianAbsMinutes: { before: round(median(before), 1), after: round(median(after), 1) },
    medianAbsRelative: { before: round(median(relBefore), 3), after: round(median(relAfter), 3) },
    inRange: calibrated ? round(inside / calibrated, 3) : null,
  };
}
