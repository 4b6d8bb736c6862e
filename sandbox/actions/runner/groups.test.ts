import { describe, expect, it } from "vitest";
import { ConcurrencyGroups } from "./concurrency.ts";
import { Limiter } from "./limiter.ts";

describe("concurrency groups", () => {
  it("keeps one running and one pending; a newer pending one replaces the older", async () => {
    const g = new ConcurrencyGroups();
    const superseded: string[] = [];
    const holder = (name: string) => ({ supersede: () => superseded.push(name) });
    const a = holder("a");
    const b = holder("b");
    const c = holder("c");
    expect(await g.acquire("k", false, a)).toBe(true);
    const bIn = g.acquire("k", false, b);
    const cIn = g.acquire("k", false, c);
    expect(await bIn).toBe(false);
    expect(superseded).toEqual(["b"]);
    g.release("k", a);
    expect(await cIn).toBe(true);
  });

  it("with cancel-in-progress, a newcomer supersedes the one running", async () => {
    const g = new ConcurrencyGroups();
    const superseded: string[] = [];
    const a = { supersede: () => superseded.push("a") };
    await g.acquire("k", true, a);
    const b = g.acquire("k", true, { supersede: () => superseded.push("b") });
    expect(superseded).toEqual(["a"]);
    g.release("k", a);
    expect(await b).toBe(true);
  });
});

describe("job slots", () => {
  it("queues beyond the limit in order, and lets an aborted waiter go", async () => {
    const l = new Limiter(1);
    expect(await l.acquire()).toBe(true);
    const abort = new AbortController();
    const first = l.acquire(abort.signal);
    const second = l.acquire();
    abort.abort();
    expect(await first).toBe(false);
    l.release();
    expect(await second).toBe(true);
  });
});
