import { describe, expect, it } from "vitest";
import { noteSettled, tick } from "./read-clock.ts";
import { WorkQueue } from "./work-queue.ts";

/** A job that holds its key until released. */
function gate(): { held: Promise<void>; release: () => void } {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  return { held, release };
}

const quiet = () => new WorkQueue((_key, err) => expect.unreachable(String(err)));

describe("WorkQueue.enqueueReconcile", () => {
  it("runs one reconcile for a burst of requests that arrive while it waits", async () => {
    const q = quiet();
    let runs = 0;
    const { held, release } = gate();
    q.enqueue("k1", () => held);
    expect(q.enqueueReconcile("k1", async () => void runs++)).toBe(true);
    expect(q.enqueueReconcile("k1", async () => void runs++)).toBe(false);
    release();
    await q.idle();
    expect(runs).toBe(1);
  });

  it("skips a reconcile whose event a later read already answered with nothing to do", async () => {
    const q = quiet();
    let runs = 0;
    const { held, release } = gate();
    q.enqueue("k2", () => held);
    q.enqueueReconcile("k2", async () => void runs++);
    // A reconcile of the same orchestration read after the request and settled.
    noteSettled("k2", tick());
    release();
    await q.idle();
    expect(runs).toBe(0);
  });

  it("still runs when a request came after the settled read", async () => {
    const q = quiet();
    let runs = 0;
    const { held, release } = gate();
    q.enqueue("k3", () => held);
    const read = tick();
    q.enqueueReconcile("k3", async () => void runs++);
    noteSettled("k3", read);
    release();
    await q.idle();
    expect(runs).toBe(1);
  });

  it("a coalesced request after the settled read keeps the waiting reconcile", async () => {
    const q = quiet();
    let runs = 0;
    const { held, release } = gate();
    q.enqueue("k4", () => held);
    q.enqueueReconcile("k4", async () => void runs++);
    noteSettled("k4", tick());
    expect(q.enqueueReconcile("k4", async () => void runs++)).toBe(false);
    release();
    await q.idle();
    expect(runs).toBe(1);
  });

  it("a settled read of another orchestration answers nothing", async () => {
    const q = quiet();
    let runs = 0;
    const { held, release } = gate();
    q.enqueue("k5", () => held);
    q.enqueueReconcile("k5", async () => void runs++);
    noteSettled("k5-other", tick());
    release();
    await q.idle();
    expect(runs).toBe(1);
  });

  it("answers a request made later on behalf of an earlier event by a read since that event", async () => {
    const q = quiet();
    let runs = 0;
    const received = tick(); // the event
    noteSettled("k9", tick()); // a read after it, with nothing to do
    // The request comes after a lookup, later than the read: it is still answered.
    q.enqueueReconcile("k9", async () => void runs++, 0, received);
    await q.idle();
    expect(runs).toBe(0);
    q.enqueueReconcile("k9", async () => void runs++, 0, tick()); // a newer event
    await q.idle();
    expect(runs).toBe(1);
  });

  it("gives the job the latest request's tick of its burst", async () => {
    const q = quiet();
    const { held, release } = gate();
    q.enqueue("k10", () => held);
    let asked = 0;
    q.enqueueReconcile("k10", async (a) => void (asked = a));
    const later = tick();
    q.enqueueReconcile("k10", async (a) => void (asked = a), 0, later);
    q.enqueueReconcile("k10", async (a) => void (asked = a), 0, later - 1);
    release();
    await q.idle();
    expect(asked).toBe(later);
  });
});

describe("WorkQueue.after", () => {
  it("counts the wait as queued work, so the queue is idle only once it has run", async () => {
    const q = quiet();
    let ran = false;
    q.after(20, () => void (ran = true));
    await q.idle();
    expect(ran).toBe(true);
  });
});
