import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HUB_AGENTS } from "../../cli/demo/hub-agents.ts";
import { DEMO_PLAN, demoScenarios } from "../../cli/demo/scenarios.ts";
import { settle } from "../../cli/demo/settle.ts";
import { startWorld, type World } from "../../cli/demo/world.ts";
import type { ScenarioInput } from "../../sandbox/model/index.ts";
import { orchestrateAndApprove } from "../security/orchestrate.ts";

/**
 * Whole loop on the sandbox (the App over signed webhooks, the Actions runner, the real Claude
 * Code CLI confined, the scripted model): the API task's agent runs on its own model with its
 * own tools and instructions; its model stays overloaded (529), so the run falls back to the
 * agent's fallback model and the pull request says so; then a reviewer agent's task, which
 * depends on it, posts a review on that pull request instead of opening one.
 */
const BACKEND = HUB_AGENTS[".github/havun/agents/backend-engineer.md"]!.replace(
  "model: claude-sonnet-5-5\nfallback_model: claude-haiku-5-5\n",
  'model: claude-opus-5-5\nfallback_model: claude-sonnet-5-5\nallowed_tools: [Read, Edit, Write, "Bash(node:*)", "Bash(npm test:*)"]\n',
);
const REVIEWER = `---
name: api-reviewer
description: Reviews the API's pull requests for correctness and tests.
kinds: [review]
repos: [havun/api]
produces: review
model: claude-haiku-5-5
allowed_tools: [Read, Grep, Glob]
---
REVIEWER-INSTRUCTIONS: check every new route has a test.
`;

const api = DEMO_PLAN.tasks[0]!;
const PLAN = {
  summary: "The API offers installment plans, reviewed by the API's reviewer.",
  tasks: [
    api,
    {
      id: "api-review",
      agent: "api-reviewer",
      title: "Review the installment plans route",
      repo: "havun/api",
      kind: "review",
      priority: "medium",
      dependencies: ["api-installments"],
      instructions: ["Review the new route and its test"],
      acceptance: ["A review is posted on the API's pull request"],
      secrets: [],
      snippets: [],
      contracts: [],
      estimate_minutes: 10,
    },
  ],
};

function scenarios(): ScenarioInput[] {
  const demo = demoScenarios();
  const apiAgent = demo.find((s) => s.name === "agent-api-installments")!;
  return [
    {
      name: "planner",
      match: { tools: ["submit_plan"] },
      turns: [{ content: [{ type: "tool_use", name: "submit_plan", input: PLAN }] }],
    },
    // The agent's own model answers overloaded to every request, as long as it is asked.
    { ...apiAgent, errors: [{ status: 529, model: "claude-opus-5-5" }] },
    {
      name: "reviewer",
      match: { firstUser: 'task "api-review"', tools: ["Grep"] },
      turns: [
        {
          content: [
            { type: "tool_use", name: "Read", input: { file_path: "{{cwd}}/src/routes.js" } },
          ],
        },
        {
          content: [
            {
              type: "text",
              text: "REVIEW-VERDICT: GET /installment-plans returns both plans and test/installments.test.js covers it.",
            },
          ],
        },
      ],
    },
  ];
}

let w: World;
beforeAll(async () => {
  w = await startWorld({
    scenarios: scenarios(),
    secretValue: "sk_live_agents_1",
    hubFiles: {
      ...HUB_AGENTS,
      ".github/havun/agents/backend-engineer.md": BACKEND,
      ".github/havun/agents/api-reviewer.md": REVIEWER,
    },
  });
  await orchestrateAndApprove(w);
  await settle(w);
}, 400_000);
afterAll(() => w?.stop());

const records = (scenario: string) =>
  w.model.recorder.records.filter((r) => r.scenario === scenario);
/**
 * The tools a request offers the model, sorted, without the placeholder Claude Code adds itself
 * for tools it loads later (it offers none of those with `--tools`).
 */
const offered = (r: { tools: string[] }) =>
  r.tools.filter((t) => t !== "DeferredToolPlaceholder").sort();

describe("an agent's run", () => {
  it("asks its own model, offers only its tools and carries its instructions", () => {
    const runs = records("agent-api-installments");
    expect(runs.length).toBeGreaterThan(3);
    for (const r of runs) expect(offered(r)).toEqual(["Bash", "Edit", "Read", "Write"]);
    expect(runs[0]!.model).toBe("claude-opus-5-5");
    expect(JSON.stringify(runs[0]!.body)).toContain("You work on the payments HTTP API");
  });

  it("falls back to the agent's fallback model after three overloaded answers in a row", () => {
    const runs = records("agent-api-installments");
    expect(runs.slice(0, 3).map((r) => [r.model, r.status])).toEqual([
      ["claude-opus-5-5", 529],
      ["claude-opus-5-5", 529],
      ["claude-opus-5-5", 529],
    ]);
    // The third busy answer never reached Claude Code: the proxy sent the request again on the
    // fallback, and every later request of the run went there.
    expect(runs.slice(3).every((r) => r.model === "claude-sonnet-5-5" && r.status === 200)).toBe(
      true,
    );
  });

  it("says so in its pull request", async () => {
    const pulls = (await w.reviewer.pulls.list({ owner: "havun", repo: "api", state: "all" })).data;
    expect(pulls).toHaveLength(1);
    const body = pulls[0]!.body ?? "";
    expect(body).toMatch(
      /claude-opus-5-5`? answered overloaded or rate limited 3 times in a row, so from model request \d+ on this run used the agent's fallback model `?claude-sonnet-5-5/,
    );
    expect(body).toContain("claude-opus-5-5 → claude-sonnet-5-5");
  });
});

describe("a reviewer agent's task", () => {
  it("runs with the reviewer's model and read-only tools on the reviewed branch", () => {
    const runs = records("reviewer");
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const r of runs) {
      expect(r.model).toBe("claude-haiku-5-5");
      expect(offered(r)).toEqual(["Glob", "Grep", "Read"]);
    }
    const first = JSON.stringify(runs[0]!.body);
    expect(first).toContain("REVIEWER-INSTRUCTIONS");
    expect(first).toContain("havun/1-api-installments");
    // It read the route the API task added: the reviewed branch was checked out.
    expect(JSON.stringify(runs[1]!.body)).toContain("GET /installment-plans");
  });

  it("posts its review on the pull request it depends on, opens none, and is done", async () => {
    const [pr] = (await w.reviewer.pulls.list({ owner: "havun", repo: "api", state: "all" })).data;
    const reviews = (
      await w.reviewer.pulls.listReviews({ owner: "havun", repo: "api", pull_number: pr!.number })
    ).data;
    const mine = reviews.filter((r) => r.user?.login === "havuncore[bot]");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.state).toBe("COMMENTED");
    expect(mine[0]!.body).toContain("REVIEW-VERDICT: GET /installment-plans returns both plans");
    const subs = (
      await w.reviewer.issues.listForRepo({ owner: "havun", repo: "api", state: "all" })
    ).data.filter((i) => !i.pull_request);
    const review = subs.find((i) => i.title.includes("Review the installment plans route"))!;
    expect(review.state).toBe("closed");
    expect(review.body).toContain("agent **api-reviewer**");
  });
});
