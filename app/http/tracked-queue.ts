import { WorkQueue } from "../orchestrator/work-queue.ts";

/** The App's work queue, also able to say which keys still have work (for shutdown). */
export class TrackedQueue extends WorkQueue {
  private readonly counts = new Map<string, number>();

  override enqueue(key: string, job: () => Promise<void>): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    super.enqueue(key, async () => {
      try {
        await job();
      } finally {
        const left = (this.counts.get(key) ?? 1) - 1;
        if (left > 0) this.counts.set(key, left);
        else this.counts.delete(key);
      }
    });
  }

  /** Keys with queued or running work, each with how many jobs. */
  outstanding(): { key: string; jobs: number }[] {
    return [...this.counts].map(([key, jobs]) => ({ key, jobs }));
  }
}
