import { deflateRawSync, inflateRawSync } from "node:zlib";
import { planIsValid, type PlanProblem } from "../spec/plan-problem.ts";
import { planSchema, type Plan } from "../spec/task-schema.ts";
import { validatePlan, type PlanContext } from "../spec/validate-plan.ts";

/**
 * The accepted plan lives in the App's plan comments on the hub issue, compressed in a hidden
 * marker (`<!-- havun:plan v1 … -->`); a replan adds a comment with only the new tasks. The
 * plan is the union, in order.
 */
const PATTERN = /<!-- havun:plan v1 ([A-Za-z0-9_-]+) -->/g;

export function renderPlanMarker(plan: Plan): string {
  const packed = deflateRawSync(Buffer.from(JSON.stringify(plan))).toString("base64url");
  return `<!-- havun:plan v1 ${packed} -->`;
}

export function readPlanFromComments(bodies: string[]): Plan | null {
  let plan: Plan | null = null;
  for (const body of bodies) {
    for (const m of body.matchAll(PATTERN)) {
      try {
        const part: Plan = planSchema.parse(
          JSON.parse(inflateRawSync(Buffer.from(m[1] ?? "", "base64url")).toString()),
        );
        plan = plan ? mergePlans(plan, part) : part;
      } catch {
        // An unreadable marker is not the App's; ignore it.
      }
    }
  }
  return plan;
}

/**
 * What is wrong with a stored plan under the hub's configuration now: the same validation as a
 * fresh plan (tasks only in configured projects, ids, a graph without cycles, secrets sealed
 * for their repositories, body sizes). Errors only; [] means the App may act on it. A plan is
 * checked every time it is read, so a marker that got into the App's comments some other way,
 * or a project removed from the config since, never files anything.
 */
export function storedPlanProblems(plan: Plan, ctx: PlanContext): PlanProblem[] {
  const problems = validatePlan(plan, { ...ctx, existingTaskIds: [] });
  return planIsValid(problems) ? [] : problems.filter((p) => p.level === "error");
}

export type CheckedPlan = { plan: Plan; problems: [] } | { plan: null; problems: PlanProblem[] };

/** The stored plan, only when it is valid under `ctx`; otherwise null and why. */
export function readCheckedPlanFromComments(bodies: string[], ctx: PlanContext): CheckedPlan {
  const plan = readPlanFromComments(bodies);
  if (!plan) return { plan: null, problems: [] };
  const problems = storedPlanProblems(plan, ctx);
  return problems.length ? { plan: null, problems } : { plan, problems: [] };
}

/** The earlier plan plus the tasks of a later one that it does not have yet. */
function mergePlans(earlier: Plan, later: Plan): Plan {
  const known = new Set<string>(earlier.tasks.map((t) => t.id));
  return {
    summary: earlier.summary,
    tasks: [...earlier.tasks, ...later.tasks.filter((t) => !known.has(t.id))],
    ...checklistOf(earlier, later),
  };
}

/** A replan's hand-done deployment steps join the earlier ones (each once). */
function checklistOf(earlier: Plan, later: Plan): Pick<Plan, "deployment_checklist"> {
  const items = [
    ...new Set([...(earlier.deployment_checklist ?? []), ...(later.deployment_checklist ?? [])]),
  ];
  return items.length ? { deployment_checklist: items } : {};
}
