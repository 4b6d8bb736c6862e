import type { ScenarioInput } from "../../sandbox/model/index.ts";

/** The seeds' central example, as the planner's forced tool call returns it. */
export const INSTALLMENTS_PLAN = {
  summary:
    "Installment payments: the API offers 3- and 6-month plans, the portal's checkout lets customers pick one, and the admin dashboard shows them.",
  tasks: [
    {
      id: "api-installments",
      title: "Add installment plans to the payments API",
      repo: "havun/api",
      kind: "implementation",
      priority: "high",
      dependencies: [],
      instructions: [
        "Add GET /installment-plans returning 3- and 6-month options",
        "Add POST /payments/{id}/installments",
      ],
      acceptance: ["GET /installment-plans lists 3 and 6 months", "Tests cover both endpoints"],
      secrets: [],
      snippets: [],
      contracts: [{ name: "payments-api", role: "provider" }],
      estimate_minutes: 90,
    },
    {
      id: "portal-checkout",
      title: "Offer installments in the checkout flow",
      repo: "havun/portal",
      kind: "implementation",
      priority: "medium",
      dependencies: ["api-installments"],
      instructions: ["Fetch the plans from the API", "Let the customer choose 3 or 6 months"],
      acceptance: ["Checkout shows both options"],
      secrets: [],
      snippets: [],
      contracts: [{ name: "payments-api", role: "consumer" }],
      estimate_minutes: 60,
    },
    {
      id: "admin-dashboard",
      title: "Show installment payments in the admin dashboard",
      repo: "havun/portal",
      kind: "implementation",
      priority: "low",
      dependencies: ["api-installments", "portal-checkout"],
      instructions: ["List payments with their installment plan"],
      acceptance: ["Admins see the plan of each payment"],
      secrets: [],
      snippets: [],
      contracts: [],
      estimate_minutes: 45,
    },
  ],
};

export function planScenario(
  plan: unknown = INSTALLMENTS_PLAN,
  name = "plan-installments",
): ScenarioInput {
  return {
    name,
    match: { tools: ["submit_plan"], anyText: "installment" },
    turns: [
      {
        content: [
          { type: "tool_use", name: "submit_plan", input: plan as Record<string, unknown> },
        ],
      },
    ],
  };
}
