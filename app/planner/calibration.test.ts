import { describe, expect, it } from "vitest";
import { renderPlanComment } from "../render/plan-comment.ts";
import { installmentPlan } from "../spec/fixtures.ts";
import { planSchema } from "../spec/task-schema.ts";
import { calibrate, calibratePlan, estimateMinutes, type EstimateSample } from "./calibration.ts";
import { estimateErrors } from "./estimate-errors.ts";

let n = 0;
const sample = (o: Partial<EstimateSample>): EstimateSample => ({
  repo: "acme/api",
  kind: "implementation",
  agent: "backend",
  estimate: 30,
  actual: 60,
  attempts: 1,
  orchestration: `acme/hub#${++n}`,
  doneAt: `2026-01-01T00:${String(n).padStart(2, "0")}:00Z`,
  ...o,
});
const subject = {
  repo: "acme/api",
  kind: "implementation" as const,
  agent: "backend",
  estimate_minutes: 40,
};

describe("calibrating an estimate", () => {
  it("says nothing without enough history", () => {
    expect(calibrate(subject, [])).toBeNull();
    expect(calibrate(subject, [sample({}), sample({})])).toBeNull();
  });

  it("scales the planner's estimate by what the same repository, kind and agent took", () => {
    const history = [sample({ actual: 45 }), sample({ actual: 60 }), sample({ actual: 90 })];
    // Ratios 1.5, 2, 3: median 2; quartiles between them in log space, √3 and √6.
    expect(calibrate(subject, history)).toEqual({
      minutes: 80,
      low: 69,
      high: 98,
      samples: 3,
      basis: "repo+kind+agent",
    });
  });

  it("falls back to broader groups, most specific first", () => {
    const other = (o: Partial<EstimateSample>) => sample({ agent: "other", ...o });
    expect(calibrate(subject, [other({}), other({}), other({})])!.basis).toBe("repo+kind");
    const web = (o: Partial<EstimateSample>) => sample({ repo: "acme/web", ...o });
    expect(calibrate(subject, [web({}), web({}), web({})])!.basis).toBe("kind+agent");
    const docs = (o: Partial<EstimateSample>) => sample({ kind: "docs", agent: null, ...o });
    expect(
      calibrate(subject, [docs({ actual: 15 }), docs({ actual: 15 }), docs({ actual: 15 })]),
    ).toMatchObject({
      basis: "all",
      minutes: 20,
    });
  });

  it("puts the calibrated figures into the plan, the planner's kept, and the plan comment shows both", () => {
    const plan = planSchema.parse(installmentPlan);
    const history = [sample({}), sample({}), sample({ actual: 90 })];
    const calibrated = calibratePlan(plan, history);
    const api = calibrated.tasks[0]!;
    expect(api.estimate_minutes).toBe(30);
    expect(api.calibrated).toMatchObject({ minutes: 60, basis: "repo+kind" });
    expect(estimateMinutes(api)).toBe(60);
    const md = renderPlanComment(calibrated, { hub: "acme/hub", issueNumber: 1, approval: "auto" });
    expect(md).toContain("| 30 min → **1 h** (1 h–1 h 13 min) |");
    expect(md).toContain("total estimate 1 h 55 min by the planner,");
    expect(md).toContain(
      "calibrated from up to 3 finished tasks of this hub's earlier orchestrations",
    );
    const plain = renderPlanComment(plan, { hub: "acme/hub", issueNumber: 1, approval: "auto" });
    expect(plain).toContain(
      "_Estimates are the planner's: this hub has too few finished tasks to calibrate them yet._",
    );
    expect(planSchema.parse(calibrated)).toEqual(calibrated);
  });
});

describe("the estimate error over a history", () => {
  it("calibrates each orchestration only from those that finished before it", () => {
    // The planner always says 30; the tasks take 60. The first three learn nothing.
    const history = Array.from({ length: 6 }, () => sample({}));
    const e = estimateErrors(history);
    expect(e).toMatchObject({ tasks: 6, calibrated: 3, inRange: 1 });
    expect(e.medianAbsMinutes).toEqual({ before: 30, after: 15 });
    expect(e.medianAbsRelative).toEqual({ before: 0.5, after: 0.25 });
  });
});
