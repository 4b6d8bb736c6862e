/**
 * Which reconciles a fresh read has already answered. Every request for a reconcile and every
 * read of an orchestration takes a tick of one process-wide clock. A webhook says something
 * changed before it was delivered; a read that started after the delivery sees that change.
 * So when a reconcile's read started after an event was received and found nothing left to
 * do, a reconcile queued for that event would read the same or an older state and do nothing:
 * it is skipped. Nothing about the orchestration is remembered, only the order of two moments;
 * an event received after the read still gets its reconcile.
 */
let clock = 0;
const settled = new Map<string, number>();
const MAX_KEYS = 2000;

/** A tick of the clock: taken when a reconcile is requested and when a read starts. */
export function tick(): number {
  return ++clock;
}

/** A reconcile of `key` read at `readTick` and found nothing to do. */
export function noteSettled(key: string, readTick: number): void {
  if ((settled.get(key) ?? 0) >= readTick) return;
  settled.delete(key);
  settled.set(key, readTick);
  if (settled.size > MAX_KEYS) settled.delete(settled.keys().next().value!);
}

/** Whether a read of `key` that found nothing to do started after `requestTick`. */
export function answeredSince(key: string, requestTick: number): boolean {
  return (settled.get(key) ?? 0) > requestTick;
}
