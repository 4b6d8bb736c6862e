import { describe, expect, it } from "vitest";
import { SenderLimit } from "./sender-limit.ts";

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("the per-sender command limit", () => {
  it("lets a burst of `capacity` through, then drops until tokens refill", () => {
    const c = clock();
    const limit = new SenderLimit({ capacity: 10, perMinute: 10, now: c.now });
    const key = SenderLimit.key(7, 42);
    const taken = Array.from({ length: 15 }, () => limit.take(key));
    expect(taken.filter(Boolean)).toHaveLength(10);
    expect(taken.slice(10)).toEqual([false, false, false, false, false]);
    c.advance(5_999);
    expect(limit.take(key)).toBe(false);
    c.advance(1);
    expect(limit.take(key)).toBe(true); // one token per 6 s at 10 a minute
    expect(limit.take(key)).toBe(false);
  });

  it("keeps senders and installations apart", () => {
    const limit = new SenderLimit({ capacity: 1, now: clock().now });
    expect(limit.take(SenderLimit.key(1, 5))).toBe(true);
    expect(limit.take(SenderLimit.key(1, 5))).toBe(false);
    expect(limit.take(SenderLimit.key(1, 6))).toBe(true);
    expect(limit.take(SenderLimit.key(2, 5))).toBe(true);
  });

  it("gives a refunded token back, never above capacity", () => {
    const limit = new SenderLimit({ capacity: 2, now: clock().now });
    const key = SenderLimit.key(1, 1);
    limit.refund(key);
    expect([limit.take(key), limit.take(key), limit.take(key)]).toEqual([true, true, false]);
    limit.refund(key);
    expect(limit.take(key)).toBe(true);
  });

  it("forgets full buckets when it holds too many senders", () => {
    const c = clock();
    const limit = new SenderLimit({ capacity: 1, perMinute: 60, now: c.now, maxSenders: 2 });
    limit.take("a");
    limit.take("b");
    c.advance(1_000); // both full again
    limit.take("c");
    expect(limit.take("a")).toBe(true); // a fresh bucket
    expect(limit.take("c")).toBe(false); // c's was kept
  });
});
