import { isSecondaryLimit } from "../gateway/secondary-retry.ts";
import { answeredSince, tick } from "./read-clock.ts";

/** GitHub's side failed (a network error is a RequestError with status 500): worth a retry. */
function transient(err: unknown): boolean {
  const status = (err as { status?: unknown }).status;
  return (typeof status === "number" && status >= 500) || isSecondaryLimit(err);
}

/**
 * Slow work runs after the webhook is answered (GitHub waits only 10 s), one job at a time per
 * orchestration so two events for the same hub issue never interleave their writes in this
 * process. Durable progress lives in GitHub, so a job lost in a crash is redone by the next
 * event or at start-up.
 */
export class WorkQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private pending = 0;
  private waiters: (() => void)[] = [];

  /**
   * @param againMs how long a reconcile that failed on GitHub's side (a 5xx, a dropped
   * connection, a secondary rate limit: its client's own retries spent) waits before it runs
   * again, once per entry. On a quiet orchestration no other event may come to ask for it (the
   * one after the last merge), so without this its work would wait for a restart.
   */
  constructor(
    private readonly onError: (key: string, err: unknown) => void,
    private readonly againMs: readonly number[] = [1_000, 5_000, 20_000],
  ) {}

  enqueue(key: string, job: () => Promise<void>): void {
    this.pending++;
    const tail = (this.tails.get(key) ?? Promise.resolve())
      .then(job)
      .catch((err: unknown) => this.onError(key, err))
      .finally(() => {
        if (this.tails.get(key) === tail) this.tails.delete(key);
        this.release();
      });
    this.tails.set(key, tail);
  }

  private release(): void {
    if (--this.pending === 0) for (const w of this.waiters.splice(0)) w();
  }

  /** Reconciles waiting to start, with the tick of the latest request each answers. */
  private readonly waitingReconcile = new Map<string, number>();

  /**
   * Queues a reconcile unless one for the same key is already waiting to start: it will read
   * the state fresh when it starts, so a burst of events (the App's own writes echo back as
   * webhooks) costs one reconcile, not one each. When it is its turn, a reconcile of the same
   * key that read after the latest request and found nothing to do has answered it: it is
   * skipped (read-clock.ts). The job is given that latest request's tick: a read shared with
   * other work that started after it has seen every event it answers. `asked`, when given, is
   * the tick of the event the request answers, taken when it was received (a request made later
   * on its behalf, after a lookup, is answered by any read since the event).
   */
  enqueueReconcile(
    key: string,
    job: (asked: number) => Promise<void>,
    failures = 0,
    asked?: number,
  ): boolean {
    const requested = asked ?? tick();
    const waiting = this.waitingReconcile.get(key);
    this.waitingReconcile.set(key, Math.max(waiting ?? 0, requested));
    if (waiting !== undefined) return false;
    this.enqueue(key, async () => {
      const latest = this.waitingReconcile.get(key) ?? requested;
      this.waitingReconcile.delete(key);
      if (answeredSince(key, latest)) return;
      try {
        await job(latest);
      } catch (err) {
        const wait = this.againMs[failures];
        if (wait === undefined || !transient(err)) throw err;
        // Counted as queued work while it waits: the queue is idle only once it has run.
        this.onError(key, err);
        this.pending++;
        setTimeout(() => {
          this.enqueueReconcile(key, job, failures + 1);
          this.release();
        }, wait);
      }
    });
    return true;
  }

  /** Runs `fn` after `ms`, counted as queued work meanwhile (the queue is idle only after it). */
  after(ms: number, fn: () => void): void {
    this.pending++;
    setTimeout(() => {
      try {
        fn();
      } finally {
        this.release();
      }
    }, ms);
  }

  /** Resolves when no job is queued or running. */
  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }
}
