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

  constructor(private readonly onError: (key: string, err: unknown) => void) {}

  enqueue(key: string, job: () => Promise<void>): void {
    this.pending++;
    const tail = (this.tails.get(key) ?? Promise.resolve())
      .then(job)
      .catch((err: unknown) => this.onError(key, err))
      .finally(() => {
        if (this.tails.get(key) === tail) this.tails.delete(key);
        if (--this.pending === 0) for (const w of this.waiters.splice(0)) w();
      });
    this.tails.set(key, tail);
  }

  private readonly waitingReconcile = new Set<string>();

  /**
   * Queues a reconcile unless one for the same key is already waiting to start: it will read
   * the state fresh when it starts, so a burst of events (the App's own writes echo back as
   * webhooks) costs one reconcile, not one each.
   */
  enqueueReconcile(key: string, job: () => Promise<void>): boolean {
    if (this.waitingReconcile.has(key)) return false;
    this.waitingReconcile.add(key);
    this.enqueue(key, () => {
      this.waitingReconcile.delete(key);
      return job();
    });
    return true;
  }

  /** Resolves when no job is queued or running. */
  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }
}
