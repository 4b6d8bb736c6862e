import { describe, expect, it } from "vitest";
import { itCompletesWithoutDuplicates, runLoop, type LoopRun } from "./loop-run.ts";

/**
 * The whole loop with the App server killed every 15 seconds (SIGKILL: no drain, queued work
 * lost mid-way) and started again on the same address. Webhooks sent while it is down are lost,
 * as on GitHub; the start-up resume recovers their work. It must still finish and make nothing
 * twice.
 */
describe("the loop with --restart-app 15", () => {
  // One run for every test here: a test that times out does not start another.
  let run: Promise<LoopRun> | undefined;
  const loop = () => (run ??= runLoop({ restartAppEvery: 15 }));

  it("kills and restarts the App on the way", async () => {
    expect((await loop()).result.reliability.appRestarts).toBeGreaterThan(0);
  });

  itCompletesWithoutDuplicates(loop);
}, 480_000);
