import { describe, expect, it } from "vitest";
import { runLoop, type LoopRun } from "./loop-run.ts";

/**
 * The whole loop with one in ten of every client's GitHub requests failing (the App, the agent
 * and publish jobs, CI, the demo's reviewer; REST, GraphQL and git), seeded: a third 502s, a
 * third dropped connections, a third secondary rate limits with `retry-after`. It must still
 * finish and make nothing twice.
 */
describe("the loop with --faults 0.1", () => {
  // One run for every test here: a test that times out does not start another.
  let run: Promise<LoopRun> | undefined;
  const loop = () => (run ??= runLoop({ faults: 0.1 }));

  it("meets faults of each kind on the way", async () => {
    const { faults, faultRate } = (await loop()).result.reliability;
    expect(faultRate).toBe(0.1);
    expect(faults["502"]).toBeGreaterThan(0);
    expect(faults.timeout).toBeGreaterThan(0);
    expect(faults.secondary).toBeGreaterThan(0);
  });

  it("completes: every task's pull request merged and the hub issue closed", async () => {
    const { result, log } = await loop();
    expect(result.tasks.length, log.join("\n")).toBe(3);
    expect(
      result.tasks.map((t) => [t.id, t.pr?.merged ?? false, t.state]),
      log.join("\n"),
    ).toEqual(result.tasks.map((t) => [t.id, true, "closed"]));
    expect(result.hub.state).toBe("closed");
    expect(result.hub.checklist.checked).toBe(result.hub.checklist.total);
  });

  it("makes no sub-issue, pull request, comment, label or board item twice", async () => {
    expect((await loop()).duplicates).toEqual([]);
  });
}, 480_000);
