import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCostMarker } from "../../app/spec/agent-pull.ts";
import { signerFromPrivateKey } from "../../app/trust/marker-signer.ts";
import { startHarness, type Harness } from "../app/harness.ts";
import { planScenario } from "../app/installments-plan.ts";
import { appClient } from "../gate/agent-pull.ts";

/** Planning priced so that it alone spends more than the orchestration's $1. */
const CONFIG = `version: 1
projects:
  - repo: havun/api
    description: The payments HTTP API (Node)
  - repo: havun/portal
    description: The customer portal that calls the API
planner:
  price_usd_per_mtok: { input: 1000, output: 1000 }
agent:
  budget_usd: { per_task: 1, per_orchestration: 1 }
`;

let h: Harness;
let hub: number;
beforeAll(async () => {
  h = await startHarness({ scenarios: [planScenario()], hubConfig: CONFIG });
});
afterAll(() => h.stop());

const owner = "havun";

async function comments(key: string) {
  const all = await h.writer.issues.listComments({ owner, repo: "hub", issue_number: hub });
  return all.data.filter((c) => c.body?.includes(`key=${key} -->`));
}

async function labelsOf(repo: string, number: number) {
  const i = await h.writer.issues.get({ owner, repo, issue_number: number });
  return i.data.labels.map((l) => (typeof l === "string" ? l : l.name));
}

async function apiTask() {
  const subs = await h.writer.issues.listSubIssues({ owner, repo: "hub", issue_number: hub });
  return subs.data.find((s) => s.body?.includes("id=api-installments"))!;
}

describe("budget_usd.per_orchestration holds dispatch, and /budget raises it", () => {
  it("counts planning and dispatches nothing once the budget is reached, saying so with the figures", async () => {
    const issue = await h.writer.issues.create({
      owner,
      repo: "hub",
      title: "Installments",
      body: "/orchestrate Add installment payments with 3-month and 6-month options",
    });
    hub = issue.data.number;
    await h.settle();
    const plan = (await comments("plan"))[0]!;
    const planning = Number(
      /havun:planner-cost \S+ key=plan-issue usd=(\d+\.\d{4})/.exec(plan.body!)![1],
    );
    expect(planning).toBeGreaterThan(1); // the premise: planning alone is over the budget
    const api = await apiTask();
    expect(await labelsOf("api", api.number)).not.toContain("havun:ready");
    const notice = await comments("budget-reached-1.00");
    expect(notice).toHaveLength(1);
    expect(notice[0]!.body).toContain(`It has spent $${planning.toFixed(2)} of $1.00`);
    expect(notice[0]!.body).toContain(`planning $${planning.toFixed(2)}, agents $0.00 over 0 runs`);
    const body = (await h.writer.issues.get({ owner, repo: "hub", issue_number: hub })).data.body;
    expect(body).toContain("**Budget reached:**");
  });

  it("dispatches again after a writer's /budget, and holds again when a failed run's cost reaches it", async () => {
    await h.writer.issues.createComment({
      owner,
      repo: "hub",
      issue_number: hub,
      body: "/budget 500",
    });
    await h.settle();
    const api = await apiTask();
    expect(await labelsOf("api", api.number)).toContain("havun:ready");
    const replies = await h.writer.issues.listComments({ owner, repo: "hub", issue_number: hub });
    expect(replies.data.at(-1)!.body).toMatch(
      /^The budget is now \$500\.00 \(\$\d+\.\d\d spent\): dispatch goes on\./,
    );
    // The publish job of a failed run: its cost signed by the App in its comment, the failed label.
    const app = appClient(h.sb);
    const signer = signerFromPrivateKey(h.sb.seeded.apps.havuncore!.app.privateKeyPem);
    await app.issues.createComment({
      owner,
      repo: "api",
      issue_number: api.number,
      body: `**HavunCore agent failed** (attempt 1). Nothing was pushed.\n${renderCostMarker({ issue: `havun/api#${api.number}`, attempt: 1, round: 0, usd: 600 }, signer)}`,
    });
    await app.issues.removeLabel({
      owner,
      repo: "api",
      issue_number: api.number,
      name: "havun:ready",
    });
    await app.issues.addLabels({
      owner,
      repo: "api",
      issue_number: api.number,
      labels: ["havun:failed"],
    });
    await h.settle();
    // Attempts are left, but the budget holds the retry.
    expect(await labelsOf("api", api.number)).toEqual(expect.arrayContaining(["havun:failed"]));
    expect(await labelsOf("api", api.number)).not.toContain("havun:ready");
    const again = await comments("budget-reached-500.00");
    expect(again).toHaveLength(1);
    expect(again[0]!.body).toContain("(set by `wendy` with /budget)");
    expect(again[0]!.body).toContain("agents $600.00 over 1 run.");
  });

  it("stops a task that spent its own per_task even with the orchestration's budget raised, until a writer's /retry", async () => {
    const comment = (body: string) =>
      h.writer.issues.createComment({ owner, repo: "hub", issue_number: hub, body });
    await comment("/budget 5000");
    await h.settle();
    const api = await apiTask();
    // Its $600 run is over the task's $1: no retry, though the orchestration may spend.
    expect(await labelsOf("api", api.number)).not.toContain("havun:ready");
    const stopped = await comments("task-budget-api-installments-1.00");
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.body).toContain(
      `**HavunCore stopped task \`api-installments\` (havun/api#${api.number}): it reached its budget.** Its 1 run spent $600.00 of $1.00`,
    );
    await comment("/retry api-installments");
    await h.settle();
    expect(await labelsOf("api", api.number)).toContain("havun:ready");
    expect(await comments("task-budget-api-installments-1.00")).toHaveLength(1);
  });
});
