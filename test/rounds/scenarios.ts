import type { ScenarioInput } from "../../sandbox/model/index.ts";

type Content = ScenarioInput["turns"][number]["content"];
const use = (name: string, input: Record<string, unknown>): Content[number] => ({
  type: "tool_use",
  name,
  input,
});
const say = (text: string): Content[number] => ({ type: "text", text });

const ROUTE_LINE = '  "GET /health": () => [200, { ok: true }],';
const BROKEN = '  "GET /installment-plans": () => [200, { plans: [{ months: 3 }] }],';
const FIXED = '  "GET /installment-plans": () => [200, { plans: [{ months: 3 }, { months: 6 }] }],';
const TEST =
  'import test from "node:test";\nimport assert from "node:assert";\nimport { handle } from "../src/server.js";\n\ntest("installment plans", () => {\n  const [status, body] = handle("GET", "/installment-plans");\n  assert.equal(status, 200);\n  assert.deepEqual(body.plans.map((p) => p.months), [3, 6]);\n});\n';

/** The API task's first run leaves a failing test: the route offers 3 months only. */
export function brokenApi(): ScenarioInput {
  return {
    name: "broken-api",
    match: { firstUser: 'task "api-installments"', tools: ["Edit"] },
    turns: [
      { content: [use("Read", { file_path: "{{cwd}}/src/routes.js" })] },
      {
        content: [
          use("Edit", {
            file_path: "{{cwd}}/src/routes.js",
            old_string: ROUTE_LINE,
            new_string: `${ROUTE_LINE}\n${BROKEN}`,
          }),
        ],
      },
      {
        content: [use("Write", { file_path: "{{cwd}}/test/installments.test.js", content: TEST })],
      },
      { content: [say("Added GET /installment-plans with a test.")] },
    ],
  };
}

/** A fix round that reads the failure it is given and fixes the route (or, `useless`, does not). */
export function fixApi(o: { useless?: boolean } = {}): ScenarioInput {
  return {
    name: o.useless ? "useless-fix" : "fix-api",
    match: { firstUser: "fix round \\d+ on pull request", tools: ["Edit"] },
    turns: [
      { content: [use("Read", { file_path: "{{cwd}}/src/routes.js" })] },
      {
        content: [
          o.useless
            ? use("Write", { file_path: "{{cwd}}/NOTES.md", content: "Looked at it.\n" })
            : use("Edit", {
                file_path: "{{cwd}}/src/routes.js",
                old_string: BROKEN,
                new_string: FIXED,
              }),
        ],
      },
      {
        content: [
          say(
            o.useless
              ? "I could not find the problem."
              : "The route now offers 3 and 6 months; the test passes.",
          ),
        ],
      },
    ],
  };
}

/** A review round: the agent reads the reviewer's request and documents the route. */
export function reviewApi(): ScenarioInput {
  return {
    name: "review-api",
    match: { firstUser: "Requested by reviewers with write access", tools: ["Edit"] },
    turns: [
      { content: [use("Read", { file_path: "{{cwd}}/src/routes.js" })] },
      {
        content: [
          use("Edit", {
            file_path: "{{cwd}}/src/routes.js",
            old_string: FIXED,
            new_string: `  // Installment plans offered at checkout (months).\n${FIXED}`,
          }),
        ],
      },
      { content: [say("Documented the installment route as the review asked.")] },
    ],
  };
}
