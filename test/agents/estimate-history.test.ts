import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calibratePlan } from "../../app/planner/calibration.ts";
import { forgetEstimateHistory, readEstimateHistory } from "../../app/planner/estimate-history.ts";
import { estimatesReport } from "../../app/planner/estimates-report.ts";
import { renderPlanComment } from "../../app/render/plan-comment.ts";
import { estimatesCommand } from "../../cli/commands/estimates.ts";
import {
  HUB,
  makeHistory,
  random,
  startHistoryHub,
  syntheticPlan,
  type HistoryHub,
} from "../../bench/estimates-history.ts";

/**
 * Calibration on a history of finished orchestrations made on the sandbox by the App's own
 * reconcile (bench/estimates-history.ts), read back from GitHub as the App reads it when it
 * plans. The larger run and its figures: `node bench/estimates.ts`.
 */
let hub: HistoryHub;
beforeAll(async () => {
  hub = await startHistoryHub();
}, 60_000);
afterAll(async () => hub?.stop());

const read = () =>
  readEstimateHistory(hub.app, HUB, {
    appSlug: "havuncore",
    signer: hub.signer,
    config: hub.config,
  });
const cli = (json: boolean) =>
  estimatesCommand({ hub: HUB, apiUrl: hub.sb.apiUrl, token: hub.sb.token("alice"), json });

describe("estimates that learn from the hub's finished orchestrations", () => {
  it("with no history, say so and keep the planner's numbers", async () => {
    expect(await read()).toEqual([]);
    expect(await cli(false)).toBe(
      "acme/hub has no finished orchestrations with timed tasks yet: estimates stay the planner's until some finish.",
    );
    const { plan } = syntheticPlan(99, random(1), 2);
    const same = calibratePlan(plan, []);
    expect(same.tasks.map((t) => t.calibrated)).toEqual([undefined, undefined]);
    expect(renderPlanComment(same, { hub: HUB, issueNumber: 1, approval: "auto" })).toContain(
      "_Estimates are the planner's: this hub has too few finished tasks to calibrate them yet._",
    );
  });

  it("read each finished task's estimate, agent and dispatch-to-done time from GitHub, and calibrating reduces the median error", async () => {
    await makeHistory(hub, { count: 10, tasksEach: 4, seed: 7 });
    forgetEstimateHistory();
    const history = await read();
    expect(history).toHaveLength(40);
    expect(new Set(history.map((s) => s.orchestration)).size).toBe(10);
    for (const s of history) {
      expect(["backend", "frontend"]).toContain(s.agent);
      expect(s.actual).toBeGreaterThan(0);
      expect(s.attempts).toBe(1);
    }
    // The API's implementation tasks take about 2.2 times the planner's estimate.
    const apiImpl = history.filter((s) => s.repo === "acme/api" && s.kind === "implementation");
    expect(apiImpl.length).toBeGreaterThan(0);
    for (const s of apiImpl) expect(s.actual / s.estimate).toBeGreaterThan(1.4);

    const report = estimatesReport(HUB, history);
    expect(report.orchestrations).toBe(10);
    const { before, after } = report.overall.medianAbsMinutes;
    // The first orchestration has nothing to learn from; the later ones are calibrated.
    expect(report.overall.calibrated).toBeGreaterThan(30);
    expect(after!).toBeLessThan(before!);

    // `havun estimates` reads the same from GitHub and says it in a table.
    const text = await cli(false);
    expect(text).toContain("acme/hub: 40 finished tasks in 10 orchestrations;");
    expect(text).toMatch(
      /Median absolute estimate error: planner \d+ min → calibrated \d+ min \(−/,
    );
    expect(text).toContain("acme/api · implementation · backend");
    expect(JSON.parse(await cli(true))).toMatchObject({ hub: HUB, overall: { tasks: 40 } });

    // A new plan's estimates are calibrated, each with its range, shown beside the planner's.
    const { plan } = syntheticPlan(100, random(3), 3);
    const next = calibratePlan(plan, history);
    for (const t of next.tasks) {
      expect(t.calibrated).toBeDefined();
      expect(t.calibrated!.low).toBeLessThanOrEqual(t.calibrated!.minutes);
      expect(t.calibrated!.high).toBeGreaterThanOrEqual(t.calibrated!.minutes);
    }
    const comment = renderPlanComment(next, { hub: HUB, issueNumber: 9, approval: "auto" });
    expect(comment).toMatch(/\| \d+ (min|h)[^|]* → \*\*[^*]+\*\* \([^)]+–[^)]+\) \|/);
    expect(comment).toContain("The hub's ETA uses the calibrated figures.");
  }, 240_000);
});
