import { describe, expect, it } from "vitest";
import { itCompletesWithoutDuplicates, runLoop, type LoopRun } from "./loop-run.ts";

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

  itCompletesWithoutDuplicates(loop);
}, 480_000);
