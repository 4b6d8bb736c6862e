import { expect, it } from "vitest";
import { runDemo, type DemoOptions, type DemoResult } from "../../cli/demo/run-demo.ts";
import { duplicates } from "../../bench/faults/no-duplicates.ts";

/** One run of the whole loop under faults or App kills, and what it made twice. */
export interface LoopRun {
  result: DemoResult;
  duplicates: string[];
  /** The demo's own lines, to read when an assertion fails. */
  log: string[];
}

/**
 * Runs the demo (the real App over HTTP with signed webhooks, the sandbox's runner, real git)
 * with `faults` or `restartAppEvery`, and reads every duplicate as the reviewer sees them
 * (bench/faults/no-duplicates.ts) while the world still runs.
 */
export async function runLoop(
  o: Pick<DemoOptions, "faults" | "restartAppEvery">,
): Promise<LoopRun> {
  const log: string[] = [];
  let found: string[] = [];
  let hub = 0;
  const result = await runDemo({
    ...o,
    // Before the test's own timeout, so that a loop that stops says where (with its log).
    timeoutMs: 420_000,
    log: (line) => log.push(line),
    onResult: (r) => {
      hub = r.hub.issue;
    },
    keep: async (w) => {
      found = await duplicates(w, hub);
    },
  }).catch((err: unknown) => {
    throw new Error(`${(err as Error).message}\n${log.join("\n")}`);
  });
  return { result, duplicates: found, log };
}

/** What every faulty loop must end with: complete, every PR merged, the hub closed, nothing twice. */
export function itCompletesWithoutDuplicates(loop: () => Promise<LoopRun>): void {
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
}
