import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHubConfig } from "../../app/config/parse-hub-config.ts";
import type { EstimateSample } from "../../app/planner/calibration.ts";
import { planWithClaude } from "../../app/planner/plan-with-claude.ts";
import { plannerUserMessage, type PlannerContext } from "../../app/planner/planner-prompt.ts";
import { HUB_YAML, task } from "../../app/spec/fixtures.ts";
import { startModelServer, type ModelServer } from "../../sandbox/model/index.ts";

const agentFile = (name: string, description: string, repo: string) => ({
  path: `.github/havun/agents/${name}.md`,
  text: `---\nname: ${name}\ndescription: "${description}"\nkinds: [implementation]\nrepos: [${repo}]\n---\nInstructions of ${name}.\n`,
});
const parsed = parseHubConfig(HUB_YAML, [
  agentFile("laravel-dev", "Laravel back end: migrations, models, controllers.", "acme/api"),
  agentFile("vue-dev", "Vue front end: components, stores, pages.", "acme/portal"),
]);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const config = parsed.config;

const plan = (apiAgent: string) => ({
  summary: "Installments.",
  tasks: [
    {
      ...task("api-installments", { repo: "acme/api", secrets: [], snippets: [] }),
      agent: apiAgent,
    },
    {
      ...task("checkout", { repo: "acme/portal", secrets: [], snippets: [] }),
      estimate_minutes: 45,
    },
  ],
});

let model: ModelServer;
beforeAll(async () => {
  model = await startModelServer({
    scenarios: [
      {
        name: "planner",
        match: { tools: ["submit_plan"] },
        turns: [
          { content: [{ type: "tool_use", name: "submit_plan", input: plan("vue-dev") }] },
          { content: [{ type: "tool_use", name: "submit_plan", input: plan("laravel-dev") }] },
        ],
      },
    ],
  });
});
afterAll(async () => model.stop());

const ctx = (history: EstimateSample[]): PlannerContext => ({
  request: "Add installments",
  hub: "acme/hub",
  hubIssue: 3,
  config,
  repos: [],
  sealedSecrets: {},
  contracts: [],
  snippets: [],
  history,
});

describe("the planner and the hub's agents", () => {
  it("is shown every agent with what it does, where, and when to use it, as data", () => {
    const message = plannerUserMessage(ctx([]), "0123456789abcdef01234567");
    expect(message).toContain(
      '## Agents (give each task one of these by name)\n<data-0123456789abcdef01234567 source="the hub\'s agents">\n- laravel-dev: kinds implementation; repositories acme/api; opens a pull request\n  When to use: Laravel back end: migrations, models, controllers.\n- vue-dev:',
    );
  });

  it("gets a wrong choice back as a problem; the plan keeps its agents and calibrated estimates", async () => {
    const history: EstimateSample[] = [1, 2, 3].map((i) => ({
      repo: "acme/portal",
      kind: "implementation",
      agent: "vue-dev",
      estimate: 20,
      actual: 40,
      attempts: 1,
      orchestration: `acme/hub#${i}`,
      doneAt: `2026-01-0${i}T00:00:00Z`,
    }));
    const outcome = await planWithClaude(
      new Anthropic({ apiKey: "sk-ant-test", baseURL: model.baseUrl }),
      ctx(history),
    );
    expect(outcome.ok && outcome.rounds).toBe(2);
    // The repair round told the model what was wrong with its first choice.
    const repair = model.recorder.forScenario("planner")[1]!.body as {
      messages: { content: unknown }[];
    };
    expect(JSON.stringify(repair.messages.at(-1)!.content)).toContain(
      "tasks[0].agent: agent vue-dev may not work in acme/api (its repos: acme/portal) — use one of: laravel-dev",
    );
    if (!outcome.ok) return;
    // The model left the checkout's agent out: the first that fits is named. The checkout learns
    // from its own repository, kind and agent; the API task, with no history of its own, from
    // its kind.
    const rows = outcome.plan.tasks.map((t) => [
      t.id,
      t.agent,
      t.estimate_minutes,
      t.calibrated?.minutes,
      t.calibrated?.basis,
    ]);
    expect(rows).toEqual([
      ["api-installments", "laravel-dev", 40, 80, "kind"],
      ["checkout", "vue-dev", 45, 90, "repo+kind+agent"],
    ]);
  });
});
