/** Plain data for tests: the seeds' installment-payments example as a hub config and a plan. */
import { parseHubConfig } from "../config/parse-hub-config.ts";
import type { HubConfig } from "../config/hub-config-schema.ts";
import type { PlanInput, TaskInput } from "./task-schema.ts";

export const HUB_YAML = `version: 1
projects:
  - repo: acme/api
    description: Backend and admin (Laravel); payments go through Mollie
    stack: [php, laravel]
    contracts:
      provides: [payments]
  - repo: acme/portal
    description: The customer portal and checkout (Vue)
    stack: [vue]
    contracts:
      consumes: [payments]
`;

export function hubConfig(yaml = HUB_YAML): HubConfig {
  const parsed = parseHubConfig(yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.config;
}

export const apiTask: TaskInput = {
  id: "installment-api",
  title: "Create installment payment API endpoints",
  repo: "acme/api",
  kind: "implementation",
  priority: "high",
  dependencies: [],
  instructions: [
    "1. Create migration for installment_plans table",
    "2. Create InstallmentPlan model with 3-month and 6-month options",
    "3. Add API endpoint POST /api/payments/installment/create",
    "4. Add API endpoint GET /api/payments/installment/{id}",
    "5. Integrate with Mollie Recurring Payments API",
    "6. Write tests for all endpoints",
  ],
  acceptance: [
    "POST /api/payments/installment/create accepts 3 or 6 installments",
    "The payments contract's OpenAPI description lists both endpoints",
  ],
  secrets: ["MOLLIE_API_KEY"],
  snippets: ["payments/mollie-recurring-setup.php", "api/rest-controller-template.php"],
  contracts: [{ name: "payments", role: "provider" }],
  estimate_minutes: 30,
};

export const checkoutTask: TaskInput = {
  id: "checkout-flow",
  title: "Add installment option to checkout flow",
  repo: "acme/portal",
  kind: "implementation",
  priority: "medium",
  dependencies: ["installment-api"],
  instructions: [
    "Add installment selector to checkout page",
    "Update PaymentController to handle installment flow",
    "Add installment information to order confirmation",
    "Update email templates with installment details",
  ],
  acceptance: ["A customer can choose 3 or 6 monthly installments at checkout"],
  snippets: ["payments/checkout-flow-vue-component.vue"],
  contracts: [{ name: "payments", role: "consumer" }],
  estimate_minutes: 45,
};

export const adminTask: TaskInput = {
  id: "admin-dashboard",
  title: "Add installment payment admin dashboard",
  repo: "acme/api",
  kind: "implementation",
  priority: "low",
  dependencies: ["installment-api", "checkout-flow"],
  instructions: [
    "Create admin page for viewing installment plans",
    "Add filters and search functionality",
    "Add manual payment collection trigger",
    "Add installment status overview",
  ],
  acceptance: ["Admins see every installment plan with its status"],
  estimate_minutes: 40,
};

export const installmentPlan: PlanInput = {
  summary: "Add installment payments with 3-month and 6-month options",
  tasks: [apiTask, checkoutTask, adminTask],
};

export const SEALED = { "acme/api": ["MOLLIE_API_KEY"] };

/** A valid task with the given id and overrides. */
export function task(id: string, overrides: Partial<TaskInput> = {}): TaskInput {
  return { ...adminTask, id, dependencies: [], ...overrides };
}
