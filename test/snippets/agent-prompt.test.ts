import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoScenarios } from "../../cli/demo/scenarios.ts";
import { startWorld, type World } from "../../cli/demo/world.ts";
import { firstUserText } from "../../sandbox/model/conversation.ts";
import type { CountTokensRequest } from "../../sandbox/model/request.ts";
import { orchestrateAndApprove } from "../security/orchestrate.ts";

/**
 * End to end on the sandbox (the App server, signed webhooks, the Actions runner, the real Claude
 * Code CLI against the scripted model): the demo hub's library is searched for the planner,
 * the API task attaches payments/installment-plans, and the agent's prompt carries its code.
 */
let w: World;
let hubIssue = 0;
beforeAll(async () => {
  w = await startWorld({ scenarios: demoScenarios(), secretValue: "sk_live_snippets_e2e_42" });
  hubIssue = await orchestrateAndApprove(w);
}, 240_000);
afterAll(() => w?.stop());

const firstUser = (scenario: string) => {
  const record = w.model.recorder.forScenario(scenario)[0];
  if (!record?.body) throw new Error(`the model saw no request for ${scenario}`);
  return firstUserText(record.body as CountTokensRequest);
};

describe("snippets from the hub's library reach the agent", () => {
  it("the planner is shown the library's best matches for the request", () => {
    const prompt = firstUser("planner");
    expect(prompt).toContain(
      "- payments/installment-plans (javascript) — Installment plans: The installment plans a payment can be split into",
    );
    expect(prompt).toContain("usage: Copy into the API (src/installments.js)");
  });

  it("the API task's agent prompt contains the attached snippet's usage and code", () => {
    const prompt = firstUser("agent-api-installments");
    expect(prompt).toContain("## Snippets to use");
    expect(prompt).toContain("### payments/installment-plans: Installment plans");
    expect(prompt).toContain("Usage: Copy into the API (src/installments.js)");
    expect(prompt).toContain(
      "export function installmentPlans(totalCents, months = PLAN_MONTHS) {",
    );
    expect(prompt).toMatch(/File: \/\S+\/\.havun\/snippets\/payments\/installment-plans\.js/);
    expect(prompt).not.toContain("// title: Installment plans");
  });

  it("the sub-issue and the pull request name the snippet", async () => {
    const subs = await w.reviewer.issues.listForRepo({ owner: "havun", repo: "api", state: "all" });
    const task = subs.data.find(
      (i) => !i.pull_request && i.body?.includes("Task **api-installments**"),
    )!;
    expect(task.body).toContain("## Snippets\n\n- `payments/installment-plans`");
    const pulls = await w.reviewer.pulls.list({ owner: "havun", repo: "api", state: "all" });
    expect(pulls.data).toHaveLength(1);
    expect(pulls.data[0]!.body).toContain(
      "### Snippets used\n\n_Code from the snippet library of `havun/hub`",
    );
    expect(pulls.data[0]!.body).toContain("- `payments/installment-plans`\n");
    expect(pulls.data[0]!.body).not.toContain("not given to the agent");
    expect(hubIssue).toBeGreaterThan(0);
  });
});
