import { describe, expect, it } from "vitest";
import { hubConfigSchema } from "../config/hub-config-schema.ts";
import { renderSpecBlock } from "../spec/spec-block.ts";
import type { Plan, Task } from "../spec/task-schema.ts";
import { signerFromPrivateKey } from "../trust/marker-signer.ts";
import { TEST_SIGNER as signer } from "../trust/test-signer.ts";
import type { Action } from "./actions.ts";
import { readControl } from "./control.ts";
import { projectActions } from "./project-actions.ts";
import { stateOf, subIssueOf } from "./test-state.ts";
import { reconcile } from "./reconcile.ts";
import type { OrchestrationState, SubIssueView } from "./state.ts";

const NOW = "2026-01-02T00:00:00Z";
const ctx = { signer, appSlug: "havuncore", now: NOW };
const config = hubConfigSchema.parse({
  approval: "auto",
  projects: [
    { repo: "acme/api", description: "API" },
    { repo: "acme/portal", description: "Portal" },
  ],
});

const task = (id: string, repo: string, dependencies: string[] = []): Task => ({
  id,
  title: id,
  repo,
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

const plan: Plan = {
  summary: "s",
  tasks: [task("api", "acme/api"), task("checkout", "acme/portal", ["api"])],
};

const sub = (t: Task, number: number, extra: Partial<SubIssueView> = {}) =>
  subIssueOf(t, number, {
    labels: ["havun", "havun:implementation", "havun:priority:medium"],
    createdAt: "2026-01-01T00:00:00Z",
    ...extra,
  });
const state = (subIssues: SubIssueView[]) => stateOf(plan, subIssues);

/** Reconcile, apply its writes on the projection, reconcile again: the rounds until it settles. */
function settle(s: OrchestrationState): { rounds: number; last: OrchestrationState } {
  let current = s;
  for (let round = 1; round <= 4; round++) {
    const { actions } = reconcile(current, config, ctx);
    if (!actions.length) return { rounds: round, last: current };
    const next = projectActions(current, actions, ctx);
    if (!next) throw new Error(`not projectable: ${actions.map((a) => a.kind).join(", ")}`);
    current = next;
  }
  throw new Error("did not settle");
}

describe("the projected state after reconcile's writes", () => {
  it("asks for nothing more once a finished task's dependent is dispatched (reconcile's promise)", () => {
    const api = sub(plan.tasks[0]!, 11, {
      state: "closed",
      stateReason: "completed",
      closedBy: { actor: "havuncore", pull: null, commit: null },
    });
    const checkout = sub(plan.tasks[1]!, 12, {
      labels: ["havun", "havun:implementation", "havun:priority:medium", "havun:blocked"],
    });
    const first = reconcile(state([api, checkout]), config, ctx).actions;
    expect(first.map((a) => a.kind)).toEqual(expect.arrayContaining(["add-labels", "update-body"]));
    const { rounds, last } = settle(state([api, checkout]));
    expect(rounds).toBe(2);
    expect(last.subIssues[1]!.labels).toContain("havun:ready");
    expect(last.subIssues[1]!.labels).not.toContain("havun:blocked");
  });

  it("reads the hub's new body as GitHub's read would: its control state from the signed block", () => {
    const s = state([sub(plan.tasks[0]!, 11), sub(plan.tasks[1]!, 12)]);
    const update = reconcile(s, config, ctx).actions.find(
      (a): a is Extract<Action, { kind: "update-body" }> =>
        a.kind === "update-body" && a.issue.number === 1,
    );
    expect(update).toBeDefined();
    const next = projectActions(s, [update!], ctx)!;
    expect(next.hub.body).toBe(update!.body);
    expect(next.control).toEqual(readControl(update!.body, signer));
    // The state it was given is left as it was.
    expect(s.hub.body).toBe("/orchestrate x");
  });

  it("keeps a sub-issue's spec only when the new body carries one the App signed for its repository", () => {
    const s = state([sub(plan.tasks[0]!, 11)]);
    const issue = s.subIssues[0]!;
    const retried = { ...issue.spec!, attempt: 2 };
    const good = projectActions(
      s,
      [{ kind: "update-body", issue, body: renderSpecBlock(retried, signer) }],
      ctx,
    )!;
    expect(good.subIssues[0]!.spec?.attempt).toBe(2);
    const other = signerFromPrivateKey(
      "-----BEGIN PRIVATE KEY-----\nanother\n-----END PRIVATE KEY-----",
    );
    const forged = renderSpecBlock(retried, other);
    const bad = projectActions(s, [{ kind: "update-body", issue, body: forged }], ctx)!;
    expect(bad.subIssues[0]!.spec).toBeNull();
  });

  it("closes as the App, and records keyed hub comments and drafts marked ready", () => {
    const issue = sub(plan.tasks[0]!, 11, {
      pulls: [
        {
          repo: "acme/api",
          number: 5,
          nodeId: "PR_5",
          url: "u",
          state: "OPEN",
          author: "havuncore[bot]",
          headRef: "h",
          own: true,
          headSha: "a".repeat(40),
          draft: true,
          mergeable: "MERGEABLE",
          checks: [],
          requests: [],
        },
      ],
    });
    const s = state([issue]);
    const next = projectActions(
      s,
      [
        { kind: "close", issue, reason: "completed" },
        { kind: "comment", issue: s.hub, key: "final-report", body: "done" },
        { kind: "mark-ready", repo: "acme/api", number: 5, nodeId: "PR_5" },
      ],
      ctx,
    )!;
    expect(next.subIssues[0]).toMatchObject({
      state: "closed",
      stateReason: "completed",
      closedBy: { actor: "havuncore", pull: null, commit: null },
      closedAt: NOW,
    });
    expect(next.subIssues[0]!.pulls[0]!.draft).toBe(false);
    expect(next.commentKeys).toContain("final-report");
  });

  it("gives up (a read is needed) on writes whose results only GitHub knows", () => {
    const issue = sub(plan.tasks[0]!, 11);
    const s = state([issue]);
    const cannot: Action[] = [
      { kind: "update-branch", repo: "acme/api", number: 5 },
      { kind: "comment", issue, key: "k", body: "on a sub-issue" },
      { kind: "add-labels", issue: { ...issue, number: 99 }, labels: ["x"] },
      { kind: "mark-ready", repo: "acme/api", number: 404 },
      {
        kind: "board",
        projectId: "P",
        fields: [],
        add: [{ contentId: "I_11", values: [] }],
        set: [],
      },
    ];
    for (const a of cannot) expect(projectActions(s, [a], ctx), a.kind).toBeNull();
  });
});
