import type { ScenarioInput } from "../../sandbox/model/index.ts";
import { API_OPENAPI_WITH_PLANS } from "./project-files.ts";

/** The seeds' central example, planned for the demo's hub (the API task needs one sealed secret). */
export const DEMO_REQUEST = "Add installment payments with 3-month and 6-month options";

export const DEMO_PLAN = {
  summary:
    "The API offers 3- and 6-month installment plans; the portal's checkout offers them; the admin dashboard shows each payment's plan.",
  deployment_checklist: [
    "Set PAYMENT_API_KEY in the API's production environment before it deploys",
    "Announce installments to support once the portal is live",
  ],
  tasks: [
    {
      id: "api-installments",
      agent: "backend-engineer",
      title: "Add installment plans to the payments API",
      repo: "havun/api",
      kind: "implementation",
      priority: "high",
      dependencies: [],
      instructions: [
        "Add GET /installment-plans to src/routes.js returning the 3- and 6-month plans",
        "Add a test in test/",
      ],
      acceptance: ["GET /installment-plans answers 200 with plans 3 and 6", "npm test passes"],
      secrets: ["PAYMENT_API_KEY"],
      snippets: ["payments/installment-plans"],
      contracts: [],
      estimate_minutes: 60,
    },
    {
      id: "portal-checkout",
      agent: "frontend-engineer",
      title: "Offer installments in the checkout",
      repo: "havun/portal",
      kind: "implementation",
      priority: "medium",
      dependencies: ["api-installments"],
      instructions: ["Offer 3- and 6-month installments in src/checkout.js from the API's plans"],
      acceptance: ["Checkout offers pay now, 3 and 6 months"],
      secrets: [],
      snippets: [],
      contracts: [],
      estimate_minutes: 45,
    },
    {
      id: "admin-dashboard",
      agent: "frontend-engineer",
      title: "Show installment plans in the admin dashboard",
      repo: "havun/portal",
      kind: "implementation",
      priority: "low",
      dependencies: ["api-installments", "portal-checkout"],
      instructions: ["Show each payment's installment plan in src/admin.js"],
      acceptance: ["Each payment row shows its plan"],
      secrets: [],
      snippets: [],
      contracts: [],
      estimate_minutes: 30,
    },
  ],
};

const use = (name: string, input: Record<string, unknown>) => ({
  type: "tool_use" as const,
  name,
  input,
});
const say = (text: string) => ({ type: "text" as const, text });

/** What the scripted model answers: the plan, then each task's Claude Code session. */
export function demoScenarios(): ScenarioInput[] {
  return [
    {
      name: "planner",
      match: { tools: ["submit_plan"] },
      turns: [{ content: [use("submit_plan", DEMO_PLAN)] }],
    },
    {
      name: "agent-api-installments",
      match: { firstUser: 'task "api-installments"', tools: ["Edit"] },
      turns: [
        {
          content: [
            say("I'll look at the route table and the API's description first."),
            use("Read", { file_path: "{{cwd}}/src/routes.js" }),
            use("Read", { file_path: "{{cwd}}/openapi.yaml" }),
          ],
        },
        {
          content: [
            use("Edit", {
              file_path: "{{cwd}}/src/routes.js",
              old_string: '  "GET /health": () => [200, { ok: true }],',
              new_string:
                '  "GET /health": () => [200, { ok: true }],\n  "GET /installment-plans": () => [200, { plans: [{ months: 3 }, { months: 6 }] }],',
            }),
          ],
        },
        {
          content: [
            use("Write", {
              file_path: "{{cwd}}/openapi.yaml",
              content: API_OPENAPI_WITH_PLANS,
            }),
            use("Write", {
              file_path: "{{cwd}}/test/installments.test.js",
              content:
                'import test from "node:test";\nimport assert from "node:assert";\nimport { handle } from "../src/server.js";\n\ntest("installment plans", () => {\n  const [status, body] = handle("GET", "/installment-plans");\n  assert.equal(status, 200);\n  assert.deepEqual(body.plans.map((p) => p.months), [3, 6]);\n});\n',
            }),
          ],
        },
        {
          content: [
            use("Bash", {
              command: "node -e \"console.log('payment key: ' + process.env.PAYMENT_API_KEY)\"",
              description: "Check the payment key is available",
            }),
          ],
        },
        {
          content: [
            say(
              "Added GET /installment-plans (3 and 6 months) with a test. Checked the payment provider key is set ({{lastToolResult}}).",
            ),
          ],
        },
      ],
    },
    {
      name: "agent-portal-checkout",
      match: { firstUser: 'task "portal-checkout"', tools: ["Edit"] },
      turns: [
        { content: [use("Read", { file_path: "{{cwd}}/src/checkout.js" })] },
        {
          content: [
            use("Edit", {
              file_path: "{{cwd}}/src/checkout.js",
              old_string: '  return [{ id: "pay-now", label: "Pay now" }];',
              new_string:
                '  const plans = api.plans ?? [{ months: 3 }, { months: 6 }];\n  return [{ id: "pay-now", label: "Pay now" }, ...plans.map((p) => ({ id: `installments-${p.months}`, label: `${p.months} monthly installments` }))];',
            }),
          ],
        },
        { content: [say("The checkout now offers pay now plus 3 and 6 monthly installments.")] },
      ],
    },
    {
      name: "agent-admin-dashboard",
      match: { firstUser: 'task "admin-dashboard"', tools: ["Edit"] },
      turns: [
        { content: [use("Read", { file_path: "{{cwd}}/src/admin.js" })] },
        {
          content: [
            use("Edit", {
              file_path: "{{cwd}}/src/admin.js",
              old_string: "  return payments.map((p) => ({ id: p.id, amount: p.amount }));",
              new_string:
                '  return payments.map((p) => ({ id: p.id, amount: p.amount, plan: p.installments ? `${p.installments} months` : "paid at once" }));',
            }),
          ],
        },
        { content: [say("Payment rows show their installment plan.")] },
      ],
    },
  ];
}
