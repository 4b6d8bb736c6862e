import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restarts } from "../app/restart-apps.ts";
import { openAgentPull, tick } from "./agent-pull.ts";
import { startGateHarness, type GateHarness } from "./gate-harness.ts";

let g: GateHarness;
let apps: ReturnType<typeof restarts>;
beforeAll(async () => {
  g = await startGateHarness();
  apps = restarts(g.h);
});
afterAll(async () => {
  await apps.stop();
  await g.h.stop();
});

const CRITERIA = ["GET /installment-plans lists 3 and 6 months", "Tests cover both endpoints"];

describe("the merge gate after the App was down", () => {
  it("gates a task's pull request again at start-up: a reviewer's ticks made while it was down count", async () => {
    const { h } = g;
    const api = await openAgentPull(h.sb, {
      repo: "havun/api",
      hubIssue: g.hub,
      taskId: "api-installments",
      subIssue: g.subs.get("api-installments")!.number,
      criteria: CRITERIA,
    });
    await h.settle();
    expect((await g.gateRun(api, api.headSha)).conclusion).toBe("failure");

    // The App is down: the pull_request.edited webhook of the reviewer's ticks is lost.
    apps.down();
    await tick(h.writer, api, CRITERIA);
    await h.sb.webhooks.idle();
    const stale = await g.gateRun(api, api.headSha);
    expect(stale.output.summary).toContain("is not ticked by a person with write access");

    const app = await apps.restart();
    await apps.settle(app);
    // The same check run, evaluated again: the ticks count (the contracts check is still missing).
    const run = await g.gateRun(api, api.headSha);
    expect(run.id).toBe(stale.id);
    expect(run.output.summary).not.toContain("is not ticked");
    expect(run.output.summary).toContain(
      "- [x] Acceptance: all 2 criteria ticked, the body last saved by `wendy` (write access)",
    );
  });
});
