import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentBody, jobClient, openPull, reportContracts, tick } from "./agent-pull.ts";
import { startGateHarness, type GateHarness } from "./gate-harness.ts";

let g: GateHarness;
beforeAll(async () => {
  g = await startGateHarness();
});
afterAll(() => g.h.stop());

const CRITERIA = ["GET /installment-plans lists 3 and 6 months", "Tests cover both endpoints"];

/**
 * Pull requests that say `Closes havun/api#N` of a task's sub-issue without being that task's:
 * the gate reports a failing `havun/gate` naming whose pull request it is, however complete the
 * rest looks (a writer's ticks, a passing contract check).
 */
describe("a pull request that closes a task's sub-issue but is not the task's", () => {
  async function expectNeverPasses(o: {
    gh: Parameters<typeof openPull>[0];
    branch: string;
    author: string;
  }) {
    const { h } = g;
    const sub = g.subs.get("api-installments")!;
    const body = agentBody("havun/api", sub.number, CRITERIA);
    const pull = await openPull(o.gh, {
      repo: "havun/api",
      branch: o.branch,
      title: "Plans",
      body,
    });
    await tick(h.writer, pull, CRITERIA); // a writer ticks every criterion
    await reportContracts(
      h.sb,
      "havun/api",
      pull.headSha,
      { service: "payments-api", openapi: "compatible", pacts: "verified" },
      "success",
      "payments-api: contract kept",
    );
    await h.settle();
    const run = await g.gateRun(pull, pull.headSha);
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("Not the pull request of task `api-installments`");
    expect(run.output.summary).toContain(
      `this pull request by \`${o.author}\` closes [havun/api#${sub.number}]`,
    );
    expect(run.output.summary).toContain("the sub-issue of task `api-installments`");
    expect(run.output.summary).toContain(`not by \`havuncore[bot]\``);
    return run;
  }

  it("fails a person's pull request from another branch, naming its author", async () => {
    const run = await expectNeverPasses({ gh: g.h.writer, branch: "wendy/plans", author: "wendy" });
    expect(run.output.summary).toContain(
      `its branch is \`wendy/plans\`, not the task's \`havun/${g.hub}-api-installments\``,
    );
  });

  it("fails one a workflow's token opened from a look-alike agent branch", async () => {
    const run = await expectNeverPasses({
      gh: jobClient(g.h.sb, "havun/api"),
      branch: `havun/${g.hub}-api-installments-v2`,
      author: "github-actions",
    });
    expect(run.output.summary).toContain("it was opened by `github-actions`");
  });
});
