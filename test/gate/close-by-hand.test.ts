import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAgentPull } from "./agent-pull.ts";
import { startGateHarness, type GateHarness } from "./gate-harness.ts";

/**
 * A dependency done without a merge (a writer closes its sub-issue by hand) gates its
 * dependents' pull requests again from the sub-issue's `closed` event; a merge gates them from the
 * pull request's `closed` event, and the sub-issue it closes is not looked at a second time.
 */
let g: GateHarness;
beforeAll(async () => {
  g = await startGateHarness();
});
afterAll(() => g.h.stop());

const gateIssueReads = (from: number) =>
  g.h.sb.log.entries.slice(from).filter((e) => e.operation === "GateIssue").length;

describe("a dependency closed by hand", () => {
  it("gates its dependent's pull request again", async () => {
    const { h } = g;
    const portal = await openAgentPull(h.sb, {
      repo: "havun/portal",
      hubIssue: g.hub,
      taskId: "portal-checkout",
      subIssue: g.subs.get("portal-checkout")!.number,
      criteria: ["Checkout shows both options"],
    });
    await h.settle();
    expect((await g.gateRun(portal, portal.headSha)).output.title).toContain("dependencies");
    const from = h.sb.log.entries.length;
    const api = g.subs.get("api-installments")!;
    await h.writer.issues.update({
      owner: "havun",
      repo: "api",
      issue_number: api.number,
      state: "closed",
      state_reason: "completed",
    });
    await h.settle();
    expect(gateIssueReads(from)).toBe(1);
    const run = await g.gateRun(portal, portal.headSha);
    expect(run.output.title).not.toContain("dependencies");
  });
});
