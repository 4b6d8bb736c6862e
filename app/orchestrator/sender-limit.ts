/**
 * How many commands one sender may give one installation: a token bucket per
 * installation+sender, in memory (a restart forgets it, which only ever lets more through).
 * Every command event takes a token before the App spends a request on it; when the bucket is
 * empty the event is dropped. A writer's token is given back once the permission check passes,
 * so the limit binds people whose commands are refused.
 */
export interface SenderLimitOptions {
  /** Tokens a bucket holds (a burst). */
  capacity?: number;
  /** Tokens added per minute. */
  perMinute?: number;
  /** Milliseconds clock; tests pass their own. */
  now?: () => number;
  /** Buckets kept before full ones are forgotten. */
  maxSenders?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class SenderLimit {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;
  private readonly now: () => number;
  private readonly maxSenders: number;

  constructor(options: SenderLimitOptions = {}) {
    this.capacity = options.capacity ?? 10;
    this.perMs = (options.perMinute ?? 10) / 60_000;
    this.now = options.now ?? Date.now;
    this.maxSenders = options.maxSenders ?? 10_000;
  }

  static key(installation: number | undefined, sender: number | string): string {
    return `${installation ?? "none"}:${sender}`;
  }

  private bucket(key: string): Bucket {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= this.maxSenders) this.forgetFull();
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Takes a token; false when the sender has none left (drop the event). */
  take(key: string): boolean {
    const b = this.bucket(key);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Gives a token back (the sender turned out to be a writer). */
  refund(key: string): void {
    const b = this.bucket(key);
    b.tokens = Math.min(this.capacity, b.tokens + 1);
  }

  private forgetFull(): void {
    for (const [key, b] of this.buckets) {
      const tokens = Math.min(this.capacity, b.tokens + (this.now() - b.at) * this.perMs);
      if (tokens >= this.capacity) this.buckets.delete(key);
    }
  }
}
