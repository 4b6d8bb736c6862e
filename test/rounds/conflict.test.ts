import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settle } from "../../cli/demo/settle.ts";
import { startWorld, type World } from "../../cli/demo/world.ts";
import type { ScenarioInput } from "../../sandbox/model/index.ts";

/**
 * Two tasks in one repository change the same line. When the first one's pull request merges,
 * the App brings the other up to date with its base; the conflict dispatches that task's agent
 * with the conflicting files, it resolves them on its branch, and the pull request can merge.
 */
type Content = ScenarioInput["turns"][number]["content"];
const use = (name: string, input: Record<string, unknown>): Content[number] => ({
  type: "tool_use",
  name,
  input,
});
const HEALTH = '  "GET /health": () => [200, { ok: true }],';
const ROUTE_A = '  "GET /plans": () => [200, { plans: [3, 6] }],';
const ROUTE_B = '  "GET /rates": () => [200, { rates: [0] }],';
const task = (id: string, title: string) => ({
  id,
  title,
  repo: "havun/api",
  kind: "implementation",
  priority: "medium",
  dependencies: [],
  instructions: [`Add the route for ${id}`],
  acceptance: [`${title} works`],
  secrets: [],
  snippets: [],
  contracts: [],
  estimate_minutes: 10,
});
const agent = (id: string, route: string): ScenarioInput => ({
  name: `agent-${id}`,
  match: { firstUser: `task "${id}"`, tools: ["Edit"] },
  turns: [
    { content: [use("Read", { file_path: "{{cwd}}/src/routes.js" })] },
    {
      content: [
        use("Edit", {
          file_path: "{{cwd}}/src/routes.js",
          old_string: HEALTH,
          new_string: `${HEALTH}\n${route}`,
        }),
      ],
    },
    { content: [{ type: "text", text: `Added ${id}.` }] },
  ],
});
const RESOLVED = [
  "/** Route table: method and path → handler returning [status, body]. */",
  "export const routes = {",
  HEALTH,
  ROUTE_A,
  ROUTE_B,
  "};",
  "",
].join("\n");
const scenarios: ScenarioInput[] = [
  {
    name: "resolve",
    match: { firstUser: "these files conflict", tools: ["Edit"] },
    turns: [
      { content: [use("Read", { file_path: "{{cwd}}/src/routes.js" })] },
      { content: [use("Write", { file_path: "{{cwd}}/src/routes.js", content: RESOLVED })] },
      { content: [{ type: "text", text: "Kept both routes." }] },
    ],
  },
  agent("route-plans", ROUTE_A),
  agent("route-rates", ROUTE_B),
  {
    name: "planner",
    match: { tools: ["submit_plan"] },
    turns: [
      {
        content: [
          use("submit_plan", {
            summary: "Two routes in the API.",
            tasks: [task("route-plans", "Plans route"), task("route-rates", "Rates route")],
          }),
        ],
      },
    ],
  },
];

let w: World;
const pulls = async () =>
  (await w.reviewer.pulls.list({ owner: "havun", repo: "api", state: "all" })).data;
const byTitle = async (title: string) => (await pulls()).find((p) => p.title === title)!;

beforeAll(async () => {
  w = await startWorld({ scenarios, secretValue: "sk_live_conflict" });
  await w.reviewer.issues.create({
    owner: "havun",
    repo: "hub",
    title: "Routes",
    body: "/orchestrate Add two routes to havun/api",
  });
  await settle(w);
  // The reviewer checks the first pull request, ticks its criterion and merges it.
  const first = await byTitle("Plans route");
  await w.reviewer.pulls.update({
    owner: "havun",
    repo: "api",
    pull_number: first.number,
    body: (first.body ?? "").replace(/^- \[ \] /gm, "- [x] "),
  });
  await settle(w);
  await w.reviewer.pulls.merge({
    owner: "havun",
    repo: "api",
    pull_number: first.number,
    merge_method: "squash",
  });
  await settle(w);
}, 300_000);
afterAll(() => w?.stop());

describe("a conflict with the base after another task's merge", () => {
  it("dispatches the task's agent with the conflicting files, and its resolution makes the pull request mergeable", async () => {
    const prompt = w.model.recorder.records.find((r) =>
      JSON.stringify(r.body).includes("these files conflict"),
    );
    expect(prompt).toBeDefined();
    expect(JSON.stringify(prompt!.body)).toContain("src/routes.js");
    const second = await byTitle("Rates route");
    expect(second.state).toBe("open");
    const pr = (
      await w.reviewer.pulls.get({ owner: "havun", repo: "api", pull_number: second.number })
    ).data;
    expect(pr.mergeable).toBe(true);
    const file = await w.reviewer.repos.getContent({
      owner: "havun",
      repo: "api",
      path: "src/routes.js",
      ref: pr.head.sha,
    });
    expect(Buffer.from((file.data as { content: string }).content, "base64").toString()).toBe(
      RESOLVED,
    );
    const sub = (
      await w.reviewer.issues.listForRepo({ owner: "havun", repo: "api", state: "all" })
    ).data.find((i) => i.title === "Rates route")!;
    expect(sub.body).toMatch(/fix round 1/i);
  });
});
