import type { StatusTask } from "./status-view.ts";

const FINISHED = new Set(["done", "cancelled", "failed"]);
const ACTIVE = new Set(["dispatched", "running", "review"]);

/**
 * Minutes until every unfinished task is done, if each takes its estimate: the dispatcher's
 * order replayed — tasks already dispatched, running or in review hold a slot from now (their
 * elapsed time unknown, so counted whole); then, whenever a slot frees, the first waiting task
 * in plan order whose dependencies are done starts, at most `maxParallel` at once. A dependency
 * that failed or was cancelled holds nothing back (it never finishes otherwise).
 */
export function remainingMinutes(tasks: readonly StatusTask[], maxParallel: number): number {
  const open = tasks.filter((t) => !FINISHED.has(t.status));
  const known = new Set(open.map((t) => t.id));
  const finishedAt = new Map<string, number>();
  let running = open
    .filter((t) => ACTIVE.has(t.status))
    .map((t) => ({ id: t.id, end: t.estimateMinutes }));
  let waiting = open.filter((t) => !ACTIVE.has(t.status));
  let now = 0;
  const slots = Math.max(1, maxParallel);
  while (waiting.length || running.length) {
    const free = slots - running.length;
    const ready = (t: StatusTask) =>
      t.dependencies.every((d) => !known.has(d) || finishedAt.has(d));
    let starting = waiting.filter(ready).slice(0, Math.max(0, free));
    // Nothing can start and nothing runs: a dependency that can never finish; go on in order.
    if (!starting.length && !running.length) starting = waiting.slice(0, 1);
    for (const t of starting) running.push({ id: t.id, end: now + t.estimateMinutes });
    waiting = waiting.filter((t) => !starting.includes(t));
    if (!running.length) break;
    now = Math.min(...running.map((r) => r.end));
    for (const r of running) if (r.end <= now) finishedAt.set(r.id, r.end);
    running = running.filter((r) => r.end > now);
  }
  return now;
}
