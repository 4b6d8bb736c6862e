import type { ScenarioInput } from "../../sandbox/model/index.ts";
import { INSTALLMENTS_PLAN } from "./installments-plan.ts";

type Plan = typeof INSTALLMENTS_PLAN;

/** The installments plan with the API task depending on the dashboard: a 3-cycle. */
export function cyclicPlan(): Plan {
  const plan = structuredClone(INSTALLMENTS_PLAN);
  plan.tasks[0]!.dependencies = ["admin-dashboard"];
  return plan;
}

/** A plan naming a repository the hub does not configure. */
export function unknownRepoPlan(): Plan {
  const plan = structuredClone(INSTALLMENTS_PLAN);
  plan.tasks[1]!.repo = "havun/mobile";
  return plan;
}

/** A plan whose task ids are prefixed, so several orchestrations in one test run stay apart. */
export function prefixed(prefix: string, plan: Plan = INSTALLMENTS_PLAN): Plan {
  const p = structuredClone(plan);
  const rename = (id: string) => `${prefix}-${id}`.slice(0, 40);
  for (const t of p.tasks) {
    t.id = rename(t.id);
    t.dependencies = t.dependencies.map(rename);
  }
  return p;
}

/** A scenario answering requests that mention `marker` with these plans, one per round. */
export function rounds(marker: string, ...plans: unknown[]): ScenarioInput {
  return {
    name: `plan-${marker}`,
    match: { tools: ["submit_plan"], anyText: marker },
    turns: plans.map((plan) => ({
      content: [
        { type: "tool_use" as const, name: "submit_plan", input: plan as Record<string, unknown> },
      ],
    })),
  };
}
