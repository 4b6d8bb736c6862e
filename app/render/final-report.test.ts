import { describe, expect, it } from "vitest";
import { renderFinalReport } from "./final-report.ts";
import type { StatusTask } from "./status-view.ts";

const done = (id: string, pr: number, cost: number): StatusTask => ({
  id,
  title: `Title of ${id}`,
  repo: "acme/api",
  status: "done",
  pr: { number: pr, url: `https://github.com/acme/api/pull/${pr}`, merged: true },
  costUsd: cost,
  attempts: 1,
  estimateMinutes: 30,
  dependencies: [],
});

describe("renderFinalReport", () => {
  it("reports each task, the PRs, total cost and duration", () => {
    const md = renderFinalReport({
      tasks: [
        done("api-endpoint", 4, 0.42),
        { ...done("checkout", 6, 1.1), repo: "acme/portal", attempts: 2 },
      ],
      maxParallel: 3,
      startedAt: "2025-11-18T14:20:35Z",
      finishedAt: "2025-11-18T15:05:35Z",
    });
    expect(md).toContain("### 🎉 Orchestration complete");
    expect(md).toContain("2 of 2 tasks done · total cost $1.52 · took 45 min");
    expect(md).toContain(
      "| **api-endpoint** Title of api-endpoint | acme/api | ✅ done | acme/api#4 (merged) | 1 | $0.42 |",
    );
    expect(md).toContain(
      "| **checkout** Title of checkout | acme/portal | ✅ done | acme/portal#6 (merged) | 2 | $1.10 |",
    );
    expect(md).toContain("2 pull requests merged.");
  });

  it("says so when not everything succeeded", () => {
    const md = renderFinalReport({
      tasks: [
        done("api-endpoint", 4, 0.42),
        { ...done("docs", 5, 0), status: "cancelled", pr: undefined },
      ],
      maxParallel: 3,
    });
    expect(md).toContain("### 🎉 Orchestration complete");
    expect(md).toContain("1 of 1 task done · 1 cancelled · total cost $0.42\n");
    expect(md).toContain("| **docs** Title of docs | acme/api | 🚫 cancelled | — | 1 | $0.00 |");
    const failed = renderFinalReport({
      tasks: [{ ...done("aa", 1, 0), status: "failed" }],
      maxParallel: 1,
    });
    expect(failed).toContain("### Orchestration finished");
    expect(failed).toContain("0 of 1 task done · 1 failed");
  });
});
