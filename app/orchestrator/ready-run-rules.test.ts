import { describe, expect, it } from "vitest";
import {
  decideEarlyEnd,
  earlyKey,
  isCallerRun,
  MAX_EARLY_RESTARTS,
  readRunTitle,
} from "./ready-run-rules.ts";

const names = { ready: "havun:ready", running: "havun:running", failed: "havun:failed" };
const base = {
  labels: ["havun:ready"],
  names,
  keys: [] as string[],
  attempt: 1,
  round: 0,
  runId: 50,
  newerRun: false,
};

describe("a run that ended before it took its task", () => {
  it("is named by the caller template's run-name, and only by it", () => {
    expect(readRunTitle("HavunCore agent: #12 havun:ready")).toEqual({
      issue: 12,
      label: "havun:ready",
    });
    expect(readRunTitle("HavunCore agent: #7 needs triage")).toEqual({
      issue: 7,
      label: "needs triage",
    });
    // GitHub's default title (the workflow's name), another workflow's, a bare or zero number.
    for (const t of [
      "HavunCore agent",
      "CI: #12 havun:ready",
      "HavunCore agent: #12",
      "HavunCore agent: #0 havun:ready",
      "HavunCore agent: #12  ",
      "HavunCore agent: #12 havun:ready\nmore",
    ])
      expect(readRunTitle(t)).toBeNull();
  });

  it("comes from the caller workflow havun init writes, or one that calls HavunCore's agent.yml", () => {
    expect(
      isCallerRun({ path: ".github/workflows/havun-agent.yml", referencedWorkflows: [] }),
    ).toBe(true);
    expect(
      isCallerRun({
        path: ".github/workflows/agents.yml",
        referencedWorkflows: ["havun/havuncore/.github/workflows/agent.yml@v1"],
      }),
    ).toBe(true);
    expect(
      isCallerRun({
        path: ".github/workflows/triage.yml",
        referencedWorkflows: ["havun/tools/.github/workflows/lint.yml@main"],
      }),
    ).toBe(false);
  });

  it("starts a ready task again, counting the restarts of its attempt and fix round", () => {
    expect(decideEarlyEnd(base)).toEqual({ kind: "restart", nth: 1 });
    const earlier = [earlyKey(1, 0, 40), earlyKey(1, 0, 45), earlyKey(2, 0, 30), "plan-1"];
    expect(decideEarlyEnd({ ...base, keys: earlier })).toEqual({ kind: "restart", nth: 3 });
    // Another fix round of the same attempt counts on its own.
    expect(decideEarlyEnd({ ...base, round: 1, keys: earlier })).toEqual({
      kind: "restart",
      nth: 1,
    });
  });

  it(`marks the task failed after ${MAX_EARLY_RESTARTS} restarts`, () => {
    const keys = [40, 41, 42].map((r) => earlyKey(1, 0, r));
    expect(decideEarlyEnd({ ...base, keys })).toEqual({ kind: "give-up", restarts: 3 });
  });

  it("leaves a task alone that a run took, that failed, that is not ready, or that a newer run serves", () => {
    const why = (over: Partial<typeof base>) => {
      const d = decideEarlyEnd({ ...base, ...over });
      return d.kind === "ignore" ? d.why : d.kind;
    };
    expect(why({ labels: ["havun:ready", "havun:running"] })).toBe("taken or failed");
    expect(why({ labels: ["havun:ready", "havun:failed"] })).toBe("taken or failed");
    expect(why({ labels: ["havun:running"] })).toBe("not ready");
    expect(why({ labels: [] })).toBe("not ready");
    expect(why({ newerRun: true })).toBe("a newer run serves it");
  });

  it("answers a run once: a redelivered event finds its comment", () => {
    const d = decideEarlyEnd({ ...base, keys: [earlyKey(1, 0, 50)] });
    expect(d).toEqual({ kind: "ignore", why: "already answered" });
  });
});
