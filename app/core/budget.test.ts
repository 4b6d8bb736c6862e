import { describe, expect, it } from "vitest";
import { hubConfigSchema } from "../config/hub-config-schema.ts";
import { renderSpecBlock } from "../spec/spec-block.ts";
import type { Task } from "../spec/task-schema.ts";
import { TEST_SIGNER as signer } from "../trust/test-signer.ts";
import { budgetOf, budgetSetReply, plannerUsd } from "./budget.ts";
import { grantTaskBudget, taskBudget } from "./budget-task.ts";
import { emptyControl } from "./control.ts";
import { reconcile } from "./reconcile.ts";
import type { OrchestrationState, RunCost, SubIssueView } from "./state.ts";

const config = hubConfigSchema.parse({
  approval: "auto",
  projects: [{ repo: "acme/api", description: "API" }],
  agent: { budget_usd: { per_task: 5, per_orchestration: 50 } },
});

const task = (id: string, dependencies: string[] = []): Task => ({
  id,
  title: id,
  repo: "acme/api",
  kind: "implementation",
  priority: "medium",
  dependencies,
  instructions: ["do it"],
  acceptance: ["done"],
  secrets: [],
  snippets: [],
  contracts: [],
  estimate_minutes: 30,
});

function sub(t: Task, n: number, runs: RunCost[] = [], labels: string[] = ["havun"]): SubIssueView {
  const spec = { v: 1 as const, hub: "acme/hub", hub_issue: 1, task: t, attempt: 1 };
  return {
    repo: t.repo,
    number: n,
    id: n,
    nodeId: `I_${n}`,
    url: `https://github.com/${t.repo}/issues/${n}`,
    state: "open",
    stateReason: null,
    labels,
    body: renderSpecBlock(spec, signer),
    spec,
    byApp: true,
    createdAt: `2026-01-01T00:00:0${n}Z`,
    pulls: [],
    blockedBy: [],
    costUsd: runs.length ? runs.reduce((s, r) => s + r.usd, 0) : null,
    closedBy: null,
    runs,
  };
}

function state(plannerUsdSpent: number, subs: SubIssueView[]): OrchestrationState {
  return {
    hub: {
      repo: "acme/hub",
      number: 1,
      id: 1,
      nodeId: "I_1",
      title: "hub",
      url: "https://github.com/acme/hub/issues/1",
      body: "/orchestrate x",
      state: "open",
      author: "alice",
      createdAt: "2026-01-01T00:00:00Z",
      closedBy: null,
    },
    control: emptyControl(),
    plan: { summary: "s", tasks: [task("aa"), task("bb")] },
    subIssues: subs,
    commentKeys: ["plan"],
    appComments: [{ id: 1, key: "plan" }],
    planComments: [],
    hubCommit: null,
    planner: [{ key: "plan-issue", usd: plannerUsdSpent, inputTokens: 1, outputTokens: 1 }],
  };
}

const NOW = "2026-01-02T00:00:00Z";

describe("budgets that hold", () => {
  it("sums planning and every signed run, failed ones included, against the orchestration's budget", () => {
    const s = state(1.5, [
      sub(task("aa"), 1, [
        { attempt: 1, round: 0, usd: 10 },
        { attempt: 2, round: 0, usd: 20 },
      ]),
      sub(task("bb"), 2, [{ attempt: 1, round: 1, usd: 18.49 }]),
    ]);
    const b = budgetOf(s, config, s.control);
    expect(b).toMatchObject({
      limitUsd: 50,
      setBy: null,
      plannerUsd: 1.5,
      runs: 3,
      reached: false,
    });
    expect(b.agentsUsd).toBeCloseTo(48.49, 10);
    expect(b.spentUsd).toBeCloseTo(49.99, 10);
    const cent = state(1.51, s.subIssues);
    expect(budgetOf(cent, config, cent.control).reached).toBe(true);
  });

  it("dispatches nothing new once it is reached, says so once, and goes on after /budget", () => {
    const s = state(60, [sub(task("aa"), 1), sub(task("bb"), 2)]);
    const held = reconcile(s, config, { signer, appSlug: "havuncore", now: NOW });
    expect(held.actions.filter((a) => a.kind === "add-labels")).toEqual([]);
    const notice = held.actions.find((a) => a.kind === "comment");
    expect(notice).toMatchObject({ key: "budget-reached-50.00" });
    expect(held.control.dispatchedAt).toEqual({});
    const said = { ...s, commentKeys: ["plan", "budget-reached-50.00"] };
    expect(
      reconcile(said, config, { signer, appSlug: "havuncore", now: NOW }).actions.filter(
        (a) => a.kind === "comment",
      ),
    ).toEqual([]);
    const raised = { ...s, control: { ...s.control, budgetUsd: 100, budgetBy: "wendy" } };
    const run = reconcile(raised, config, { signer, appSlug: "havuncore", now: NOW });
    expect(run.actions.filter((a) => a.kind === "add-labels").map((a) => a.issue.number)).toEqual([
      1, 2,
    ]);
    expect(run.control.dispatchedAt).toEqual({ aa: NOW, bb: NOW });
    expect(budgetSetReply(100, raised, config)).toBe(
      "The budget is now $100.00 ($60.00 spent): dispatch goes on.",
    );
    expect(budgetSetReply(40, raised, config)).toContain(
      "nothing new starts until it is above that",
    );
  });

  it("prices planning by its tokens, cache reads at a tenth and writes at 1.25 of the input price", () => {
    const usage = {
      inputTokens: 1_000_000,
      outputTokens: 100_000,
      cacheReadTokens: 1_000_000,
      cacheWriteTokens: 1_000_000,
    };
    expect(plannerUsd(usage, { input: 3, output: 15 })).toBeCloseTo(3 + 0.3 + 3.75 + 1.5, 10);
  });
});

describe("a task's own budget (agent.budget_usd.per_task)", () => {
  const failed = ["havun", "havun:failed"];
  const ctx = { signer, appSlug: "havuncore", now: NOW };
  const retried = (r: ReturnType<typeof reconcile>) =>
    r.actions.filter((a) => a.kind === "add-labels").map((a) => a.issue.number);

  it("holds the retry of a task whose failed runs spent it, says so once, and lets the others go on", () => {
    const s = state(0.5, [
      sub(task("aa"), 1, [{ attempt: 1, round: 0, usd: 5 }], failed),
      sub(task("bb"), 2, [{ attempt: 1, round: 0, usd: 4.99 }], failed),
    ]);
    const r = reconcile(s, config, ctx);
    expect(retried(r)).toEqual([2]);
    expect(r.views.map((v) => [v.task.id, v.status])).toEqual([
      ["aa", "failed"],
      ["bb", "dispatched"],
    ]);
    const notes = r.actions.filter((a) => a.kind === "comment");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ key: "task-budget-aa-5.00", issue: { number: 1 } });
    const body = (notes[0] as { body: string }).body;
    expect(body).toContain("**HavunCore stopped task `aa` (acme/api#1): it reached its budget.**");
    expect(body).toContain("Its 1 run spent $5.00 of $5.00");
    expect(body).toContain("`/retry aa`");
    const said = { ...s, commentKeys: [...s.commentKeys, "task-budget-aa-5.00"] };
    expect(reconcile(said, config, ctx).actions.filter((a) => a.kind === "comment")).toEqual([]);
  });

  it("says nothing of a task's budget while the orchestration's holds everything", () => {
    const s = state(60, [sub(task("aa"), 1, [{ attempt: 1, round: 0, usd: 5 }], failed)]);
    const keys = reconcile(s, config, ctx)
      .actions.filter((a) => a.kind === "comment")
      .map((a) => (a as { key: string }).key);
    expect(keys).toEqual(["budget-reached-50.00"]);
  });

  it("/retry raises a stopped task's budget by one run's over what it spent, and it runs again", () => {
    const s = state(0.5, [sub(task("aa"), 1, [{ attempt: 1, round: 0, usd: 5.2 }], failed)]);
    expect(grantTaskBudget(s, config, "bb")).toBe(false);
    expect(grantTaskBudget(s, config, "aa")).toBe(true);
    expect(s.control.taskBudgetUsd).toEqual({ aa: 10.2 });
    expect(taskBudget("aa", s.subIssues[0]!, config, s.control)).toMatchObject({
      limitUsd: 10.2,
      raised: true,
      reached: false,
    });
    expect(retried(reconcile(s, config, ctx))).toEqual([1]);
    // Within its budget, /retry leaves the budget alone.
    expect(grantTaskBudget(s, config, "aa")).toBe(false);
    // Spent again: said again, for the raised budget.
    s.subIssues[0]!.runs!.push({ attempt: 2, round: 0, usd: 5 });
    const again = reconcile(s, config, ctx).actions.find((a) => a.kind === "comment");
    expect(again).toMatchObject({ key: "task-budget-aa-10.20" });
    expect((again as { body: string }).body).toContain("spent $10.20 of $10.20 (raised by /retry)");
  });
});
