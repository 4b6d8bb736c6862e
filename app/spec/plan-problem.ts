import type { Problem } from "../config/problem.ts";

/** A problem in a plan: errors reject it, warnings are shown beside it. */
export interface PlanProblem extends Problem {
  level: "error" | "warning";
}

export function planError(path: string, message: string, fix: string): PlanProblem {
  return { level: "error", path, message, fix };
}

export function planWarning(path: string, message: string, fix: string): PlanProblem {
  return { level: "warning", path, message, fix };
}

/** Whether the plan can go ahead: no errors (warnings allowed). */
export function planIsValid(problems: readonly PlanProblem[]): boolean {
  return problems.every((p) => p.level !== "error");
}
