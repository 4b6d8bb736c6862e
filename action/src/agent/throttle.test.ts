import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Throttle } from "./progress.ts";

describe("the progress throttle", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("reports an interval after the start, then at most once an interval", async () => {
    let calls = 0;
    const t = new Throttle(5000, async () => void calls++);
    t.poke();
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(1);
    t.poke();
    t.poke();
    await vi.advanceTimersByTimeAsync(4000);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
  });

  it("drops a report still waiting when the run is done (the publish job writes the last state)", async () => {
    let calls = 0;
    const t = new Throttle(5000, async () => void calls++);
    t.poke();
    await vi.advanceTimersByTimeAsync(5000);
    t.poke();
    await t.done();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(1);
  });

  it("waits for a report in flight", async () => {
    let finished = false;
    const t = new Throttle(5000, async () => {
      await new Promise((r) => setTimeout(r, 100));
      finished = true;
    });
    t.poke();
    await vi.advanceTimersByTimeAsync(5000);
    const done = t.done();
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(finished).toBe(true);
  });
});
