import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCostMarker } from "../../app/spec/agent-pull.ts";
import { signerFromPrivateKey } from "../../app/trust/marker-signer.ts";
import { nodeId } from "../../sandbox/state/node-id.ts";
import { startHarness, type Harness } from "../app/harness.ts";
import { planScenario } from "../app/installments-plan.ts";
import { appClient, openAgentPull } from "../gate/agent-pull.ts";
import { BOARD_HUB_CONFIG, DEMO_BOARD, readBoard, statuses, tasksOf } from "./board-fixture.ts";

let h: Harness;
let hub: number;
/** What planning cost, as the App's plan comment records it (signed). */
let planning = 0;
const CONFIG = BOARD_HUB_CONFIG.replace(
  "project_board: { owner: havun, number: 1 }",
  "project_board: { owner: havun, number: 1, board_commands: true }",
);

beforeAll(async () => {
  h = await startHarness({
    scenarios: [planScenario()],
    hubConfig: CONFIG,
    seed: { projects: [DEMO_BOARD] },
  });
});
afterAll(() => h.stop());

const signer = () => signerFromPrivateKey(h.sb.seeded.apps.havuncore!.app.privateKeyPem);
const [owner, portal] = ["havun", "portal"];

/** What the publish job does for a run that produced a change: the PR, its signed cost, labels. */
async function agentPublishes(taskId: string, usd: number) {
  const t = (await tasksOf(h, hub))[taskId]!;
  const repo = t.repo.split("/")[1]!;
  const pull = await openAgentPull(h.sb, {
    repo: t.repo,
    hubIssue: hub,
    taskId,
    subIssue: t.number,
    criteria: [],
  });
  const app = appClient(h.sb);
  const pr = await app.pulls.get({ owner, repo, pull_number: pull.number });
  await app.pulls.update({
    owner,
    repo,
    pull_number: pull.number,
    body: `${pr.data.body}\n${renderCostMarker({ issue: `${t.repo}#${t.number}`, attempt: 1, round: 0, usd }, signer())}`,
  });
  await app.issues.removeLabel({ owner, repo, issue_number: t.number, name: "havun:ready" });
  await h.settle();
  return pull;
}

async function merge(pull: { repo: string; number: number }) {
  await h.writer.pulls.merge({ owner, repo: pull.repo.split("/")[1]!, pull_number: pull.number });
  await h.settle();
}

describe("the orchestration mirrored on a Projects board, read back through GraphQL", () => {
  it("adds the hub issue and every sub-issue as cards, creates the missing fields, and sets them", async () => {
    const issue = await h.writer.issues.create({
      owner,
      repo: "hub",
      title: "Installments",
      body: "/orchestrate Add installment payments with 3-month and 6-month options",
    });
    hub = issue.data.number;
    await h.settle();
    const comments = await h.writer.issues.listComments({ owner, repo: "hub", issue_number: hub });
    const marker = comments.data
      .map((c) =>
        /<!-- havun:planner-cost hub=\S+ key=plan-issue usd=(\d+\.\d{4}) in=(\d+) out=(\d+)/.exec(
          c.body ?? "",
        ),
      )
      .find(Boolean);
    expect(Number(marker?.[2])).toBeGreaterThan(0);
    planning = Number(marker![1]);
    const board = await readBoard(h.writer);
    expect(board.fields).toEqual([
      "Title:TITLE",
      "Status:SINGLE_SELECT",
      "Repository:REPOSITORY",
      "Kind:SINGLE_SELECT",
      "Priority:SINGLE_SELECT",
      "Estimate:NUMBER",
      "Cost:NUMBER",
      "Orchestration:TEXT",
    ]);
    const tasks = await tasksOf(h, hub);
    const apiTask = tasks["api-installments"]!;
    expect(board.cards[`${apiTask.repo}#${apiTask.number}`]).toEqual({
      Status: "In Progress",
      Kind: "implementation",
      Priority: "high",
      Estimate: 90,
      Orchestration: `havun/hub#${hub}`,
    });
    expect(board.cards[`havun/hub#${hub}`]).toMatchObject({
      Status: "In Progress",
      Estimate: 195,
      Cost: Math.round(planning * 100) / 100,
      Orchestration: `havun/hub#${hub}`,
    });
    expect(await statuses(h, hub)).toEqual({
      hub: "In Progress",
      "api-installments": "In Progress",
      "portal-checkout": "Blocked",
      "admin-dashboard": "Blocked",
    });
  });

  it("follows each step: in review, done, the next task running, a failed run with its cost", async () => {
    const pull = await agentPublishes("api-installments", 0.42);
    expect((await statuses(h, hub))["api-installments"]).toBe("In Review");
    await merge(pull);
    expect(await statuses(h, hub)).toEqual({
      hub: "In Progress",
      "api-installments": "Done",
      "portal-checkout": "In Progress",
      "admin-dashboard": "Blocked",
    });
    const t = (await tasksOf(h, hub))["portal-checkout"]!;
    const app = appClient(h.sb);
    // The publish job of a failed run: a comment carrying the run's signed cost, the failed label.
    await app.issues.createComment({
      owner,
      repo: portal,
      issue_number: t.number,
      body: `**HavunCore agent failed** (attempt 1). Nothing was pushed.\n${renderCostMarker({ issue: `${t.repo}#${t.number}`, attempt: 1, round: 0, usd: 0.25 }, signer())}`,
    });
    await app.issues.removeLabel({
      owner,
      repo: portal,
      issue_number: t.number,
      name: "havun:ready",
    });
    await app.issues.addLabels({
      owner,
      repo: portal,
      issue_number: t.number,
      labels: ["havun:failed"],
    });
    await h.settle();
    const board = await readBoard(h.writer);
    expect(board.cards[`${t.repo}#${t.number}`]).toMatchObject({ Status: "Failed", Cost: 0.25 });
    expect(board.cards[`havun/hub#${hub}`]).toMatchObject({
      Status: "Failed",
      Cost: Math.round((0.67 + planning) * 100) / 100,
    });
  });

  it("moves a card back when a person sets a Status that is no command", async () => {
    const t = (await tasksOf(h, hub))["admin-dashboard"]!;
    await setStatus(t, "Ready");
    expect((await statuses(h, hub))["admin-dashboard"]).toBe("Blocked");
  });

  it("treats a writer moving a card to Cancelled as /cancel (board_commands: true)", async () => {
    const t = (await tasksOf(h, hub))["admin-dashboard"]!;
    await setStatus(t, "Cancelled");
    const issue = await h.writer.issues.get({ owner, repo: portal, issue_number: t.number });
    expect(issue.data.state).toBe("closed");
    expect(issue.data.state_reason).toBe("not_planned");
    expect((await statuses(h, hub))["admin-dashboard"]).toBe("Cancelled");
  });

  it("runs a retried task again and shows the orchestration done when its last task merges", async () => {
    await h.writer.issues.createComment({
      owner,
      repo: "hub",
      issue_number: hub,
      body: "/retry portal-checkout",
    });
    await h.settle();
    expect((await statuses(h, hub))["portal-checkout"]).toBe("In Progress");
    await merge(await agentPublishes("portal-checkout", 0.3));
    expect(await statuses(h, hub)).toEqual({
      hub: "Done",
      "api-installments": "Done",
      "portal-checkout": "Done",
      "admin-dashboard": "Cancelled",
    });
    const final = await h.writer.issues.get({ owner, repo: "hub", issue_number: hub });
    expect(final.data.state).toBe("closed");
  });
});

/** A person (wendy, an org owner) sets a card's Status on the board. */
async function setStatus(t: { repo: string; number: number }, name: string) {
  const project = h.sb.core.store.state.projects[0]!;
  const status = project.fields.find((f) => f.name === "Status")!;
  const issue = h.sb.core.store.state.issues.find(
    (i) =>
      i.number === t.number && h.sb.core.store.repoById(i.repoId).name === t.repo.split("/")[1],
  )!;
  const item = project.items.find((i) => i.contentId === issue.id)!;
  await h.writer.graphql(
    `mutation($p: ID!, $i: ID!, $f: ID!, $o: String!) { updateProjectV2ItemFieldValue(input: { projectId: $p, itemId: $i, fieldId: $f, value: { singleSelectOptionId: $o } }) { clientMutationId } }`,
    {
      p: nodeId("ProjectV2", project.id),
      i: nodeId("ProjectV2Item", item.id),
      f: nodeId("ProjectV2SingleSelectField", status.id),
      o: status.options.find((o) => o.name === name)!.id,
    },
  );
  await h.settle();
}
