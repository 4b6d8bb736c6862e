import { describe, expect, it } from "vitest";
import { agentSettings } from "../../app/agents/agent-settings.ts";
import { checkoutRef, dependencyMet } from "../../app/agents/review-task.ts";
import { parseHubConfig } from "../../app/config/parse-hub-config.ts";
import { emptyControl } from "../../app/core/control.ts";
import { reconcile } from "../../app/core/reconcile.ts";
import type { OrchestrationState, PullView, SubIssueView } from "../../app/core/state.ts";
import { fitSubIssueBody } from "../../app/render/sub-issue-body.ts";
import { parseSpecBlock, renderSpecBlock } from "../../app/spec/spec-block.ts";
import type { Plan, Task } from "../../app/spec/task-schema.ts";
import type { TaskSpec } from "../../app/spec/task-spec.ts";
import { TEST_SIGNER as signer } from "../../app/trust/test-signer.ts";

const HUB = `version: 1
approval: auto
projects:
  - { repo: acme/api, description: API }
agent: { max_turns: 25, budget_usd: { per_task: 3 } }
`;
const parsed = parseHubConfig(HUB, [
  {
    path: ".github/havun/agents/backend.md",
    text: '---\nname: backend\ndescription: API work.\nkinds: [implementation]\nmodel: claude-opus-5-5\nfallback_model: claude-sonnet-5-5\nbudget_usd: 9\nallowed_tools: [Read, Edit, "Bash(npm test:*)"]\n---\nAlways run npm test.\n',
  },
  {
    path: ".github/havun/agents/reviewer.md",
    text: "---\nname: reviewer\ndescription: Reviews.\nkinds: [review]\nproduces: review\nallowed_tools: [Read, Grep]\n---\nReview for security.\n",
  },
]);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const config = parsed.config;

const task = (id: string, o: Partial<Task> = {}): Task => ({
  id,
  title: id,
  repo: "acme/api",
  kind: "implementation",
  priority: "medium",
  dependencies: [],
  instructions: ["do it"],
  acceptance: ["done"],
  secrets: [],
  snippets: [],
  contracts: [],
  estimate_minutes: 30,
  ...o,
});
const plan: Plan = {
  summary: "s",
  tasks: [
    task("api", { agent: "backend" }),
    task("api-review", { kind: "review", agent: "reviewer", dependencies: ["api"] }),
  ],
};

function state(subIssues: SubIssueView[] = []): OrchestrationState {
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
  };
}

describe("filing a task with its agent", () => {
  const creates = reconcile(state(), config, { signer, appSlug: "havuncore" }).actions.flatMap(
    (a) => (a.kind === "create-sub-issue" ? [a] : []),
  );

  it("signs the agent's model, fallback, limits, tools and instructions into the spec", () => {
    expect(creates[0]!.spec.agent).toEqual({
      name: "backend",
      model: "claude-opus-5-5",
      fallback_model: "claude-sonnet-5-5",
      max_turns: 25,
      budget_usd: 9,
      draft: true,
      allowed_tools: ["Read", "Edit", "Bash(npm test:*)"],
      instructions: "Always run npm test.",
    });
    expect(creates[1]!.spec.agent).toMatchObject({
      name: "reviewer",
      model: "claude-opus-5-5",
      produces: "review",
      reviews: "api",
      allowed_tools: ["Read", "Grep"],
    });
  });

  it("shows the agent on the sub-issue", () => {
    const body = creates[0]!.body;
    expect(body).toContain("> Task **api** of");
    expect(body).toContain("implementation · agent **backend** · priority medium");
    expect(body).toContain(
      "## Agent\n\n**backend** · model `claude-opus-5-5` (falls back to `claude-sonnet-5-5` when it is overloaded) · tools `Read`, `Edit`, `Bash(npm test:*)`",
    );
    expect(body).toContain("Always run npm test.");
    expect(creates[1]!.body).toContain("reviews the pull request of **api** and opens none");
  });

  it("keeps the spec whole and leaves the readable instructions out first when the body is long", () => {
    const spec = creates[0]!.spec;
    const long = {
      ...spec,
      agent: { ...spec.agent!, instructions: "z".repeat(11_000) },
      task: { ...spec.task, instructions: Array(15).fill("y".repeat(1500)) },
    };
    const fitted = fitSubIssueBody(long, { hubIssueUrl: "u", signer });
    expect(fitted.body.length).toBeLessThanOrEqual(65_536);
    expect(fitted.omitted[0]).toBe("the agent's instructions");
    expect(fitted.body).not.toContain("<summary>Its standing instructions</summary>");
    expect(parseSpecBlock(fitted.body, signer)).toMatchObject({
      spec: { agent: { instructions: "z".repeat(11_000) } },
      authentic: true,
    });
  });

  it("runs a task without an agent, or whose agent is gone, as before agents", () => {
    const base = { model: "claude-sonnet-5-5", max_turns: 25, budget_usd: 3, draft: true };
    expect(agentSettings(config, task("old"))).toEqual(base);
    expect(agentSettings(config, task("old", { agent: "gone" }))).toEqual(base);
  });
});

const pull = (state: PullView["state"]): PullView => ({
  repo: "acme/api",
  number: 7,
  url: "u",
  state,
  author: "havuncore[bot]",
  headRef: "havun/1-api",
  own: true,
  headSha: "a".repeat(40),
  draft: false,
  mergeable: "MERGEABLE",
  checks: [],
  requests: [],
});

function sub(t: Task, spec: TaskSpec, extra: Partial<SubIssueView> = {}): SubIssueView {
  const n = t.id === "api" ? 1 : 2;
  return {
    repo: "acme/api",
    number: n,
    id: n,
    nodeId: `I_${n}`,
    url: `https://github.com/acme/api/issues/${n}`,
    state: "open",
    stateReason: null,
    labels: ["havun"],
    body: renderSpecBlock(spec, signer),
    spec,
    byApp: true,
    createdAt: `2026-01-01T00:00:0${n}Z`,
    pulls: [],
    blockedBy: [],
    costUsd: null,
    closedBy: null,
    ...extra,
  };
}

describe("dispatching a reviewer", () => {
  const specs = reconcile(state(), config, { signer, appSlug: "havuncore" }).actions.flatMap((a) =>
    a.kind === "create-sub-issue" ? [a.spec] : [],
  );
  const views = (apiPull: PullView | null) =>
    reconcile(
      state([
        sub(plan.tasks[0]!, specs[0]!, { pulls: apiPull ? [apiPull] : [] }),
        sub(plan.tasks[1]!, specs[1]!, { labels: ["havun", "havun:blocked"] }),
      ]),
      config,
      { signer, appSlug: "havuncore" },
    );

  it("starts it once the reviewed task's pull request waits for review, not before", () => {
    const waiting = views(null);
    expect(waiting.views.find((v) => v.task.id === "api-review")!.status).toBe("blocked");
    const open = views(pull("OPEN"));
    expect(open.views.find((v) => v.task.id === "api")!.status).toBe("review");
    expect(open.views.find((v) => v.task.id === "api-review")!.status).toBe("dispatched");
    expect(
      open.actions.some(
        (a) => a.kind === "add-labels" && a.issue.number === 2 && a.labels.includes("havun:ready"),
      ),
    ).toBe(true);
  });

  it("checks out the reviewed branch; other tasks wait for their dependencies to be done", () => {
    expect(checkoutRef(specs[1]!)).toBe("havun/1-api");
    expect(checkoutRef(specs[0]!)).toBeNull();
    const reviewed = { task: { id: "api" }, status: "review" };
    expect(dependencyMet({ issue: { spec: specs[1]! } }, reviewed)).toBe(true);
    expect(dependencyMet({ issue: { spec: specs[0]! } }, reviewed)).toBe(false);
    expect(dependencyMet({ issue: null }, { task: { id: "api" }, status: "done" })).toBe(true);
  });
});
