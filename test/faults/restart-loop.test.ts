import { describe, expect, it } from "vitest";
import { runLoop, type LoopRun } from "./loop-run.ts";

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
