import { describe, expect, it } from "vitest";
import { median, summarize, type TaskMetrics } from "./metrics.ts";

function t(over: Partial<TaskMetrics>): TaskMetrics {
  return {
    id: "x",
    repo: "acme/api",
    kind: "implementation",
    status: "done",
    attempts: 1,
    fixRounds: 0,
    runs: 1,
    costUsd: 1,
    estimateMinutes: 30,
    pulls: { opened: 1, merged: 1, closedUnmerged: 0 },
    dispatchedAt: "2026-01-01T00:00:00Z",
    dispatchToMergeMinutes: 10,
    actualMinutes: 10,
    ...over,
  };
}

describe("what agents deliver", () => {
  it("counts pull requests, the merge rate over decided ones, and the cost of a merge", () => {
    const s = summarize(
      [
        t({ costUsd: 2 }),
        t({ dispatchToMergeMinutes: 30, actualMinutes: 30, attempts: 2, fixRounds: 1, runs: 3 }),
        t({
          status: "failed",
          pulls: { opened: 1, merged: 0, closedUnmerged: 1 },
          dispatchToMergeMinutes: null,
          actualMinutes: null,
          costUsd: 0.5,
        }),
        t({
          status: "cancelled",
          attempts: 0,
          runs: 0,
          costUsd: 0,
          pulls: { opened: 0, merged: 0, closedUnmerged: 0 },
          dispatchToMergeMinutes: null,
          actualMinutes: null,
        }),
      ],
      0.5,
    );
    expect(s).toEqual({
      tasks: 4,
      done: 2,
      failed: 1,
      cancelled: 1,
      pulls: { opened: 3, merged: 2, closedUnmerged: 1, mergeRate: 0.6667 },
      medianDispatchToMergeMinutes: 20,
      attemptsPerTask: 1.33,
      fixRoundsPerTask: 0.33,
      runs: 5,
      costUsd: 4,
      costPerMergedPullUsd: 2,
      estimates: { tasks: 2, estimatedMinutes: 60, actualMinutes: 40 },
    });
  });

  it("has no rates before anything was decided", () => {
    const s = summarize([]);
    expect(s.pulls.mergeRate).toBeNull();
    expect(s.costPerMergedPullUsd).toBeNull();
    expect(s.attemptsPerTask).toBeNull();
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
  });
});
