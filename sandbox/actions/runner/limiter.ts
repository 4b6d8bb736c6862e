/** At most `size` jobs at once on this machine; the rest wait in order (GitHub's queued state). */
export class Limiter {
  private used = 0;
  private waiting: { grant: () => void }[] = [];

  constructor(private readonly size: number) {}

  /** Resolves true with a slot, or false if `signal` aborts first. Call `release` after a true. */
  acquire(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    if (this.used < this.size) {
      this.used++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const entry = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(true);
        },
      };
      const onAbort = () => {
        this.waiting = this.waiting.filter((w) => w !== entry);
        resolve(false);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.used--;
  }
}
