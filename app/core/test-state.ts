import { renderSpecBlock } from "../spec/spec-block.ts";
import type { Plan, Task } from "../spec/task-schema.ts";
import { TEST_SIGNER } from "../trust/test-signer.ts";
import { emptyControl } from "./control.ts";
import type { OrchestrationState, SubIssueView } from "./state.ts";

/** Pure tests' states: a task's open sub-issue of `acme/hub#1`, its spec signed by the test signer. */
export function subIssueOf(
  t: Task,
  number: number,
  extra: Partial<SubIssueView> = {},
): SubIssueView {
  const spec = { v: 1 as const, hub: "acme/hub", hub_issue: 1, task: t, attempt: 1 };
  return {
    repo: t.repo,
    number,
    id: number,
    nodeId: `I_${number}`,
    url: `https://github.com/${t.repo}/issues/${number}`,
    state: "open",
    stateReason: null,
    labels: ["havun"],
    body: renderSpecBlock(spec, TEST_SIGNER),
    spec,
    byApp: true,
    createdAt: `2026-01-01T00:00:${String(number % 60).padStart(2, "0")}Z`,
    pulls: [],
    blockedBy: [],
    costUsd: null,
    closedBy: null,
    ...extra,
  };
}

/** The orchestration `acme/hub#1` with its plan posted, as pure tests build it. */
export function stateOf(
  plan: Plan,
  subIssues: SubIssueView[],
  over: Partial<OrchestrationState> = {},
): OrchestrationState {
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
    plan,
    subIssues,
    commentKeys: ["plan"],
    appComments: [{ id: 1, key: "plan" }],
    planComments: [],
    hubCommit: null,
    ...over,
  };
}
