import type { HubConfig } from "../config/hub-config-schema.ts";
import { problemsFromIssues } from "../config/issue-problems.ts";
import { fitSizes } from "./plan-sizes.ts";
import { checkCycles, checkIds, checkRepos, checkSecrets } from "./plan-checks.ts";
import type { PlanProblem } from "./plan-problem.ts";
import { checkContracts, checkSnippets } from "./plan-warnings.ts";
import { MAX_TASKS, planSchema } from "./task-schema.ts";

export interface PlanContext {
  config: HubConfig;
  /** Secret names sealed per repository (owner/name, any case). */
  sealedSecrets: Record<string, readonly string[]>;
  /** Ids of the orchestration's earlier tasks, for a replan: they may be depended on. */
  existingTaskIds?: readonly string[];
  /** The snippet library's ids; when given, unknown snippet ids are warned about. */
  snippetIds?: readonly string[];
  /** The hub and its issue, to measure sub-issue bodies exactly (long placeholders otherwise). */
  hub?: string;
  hubIssue?: number;
}

/**
 * Everything wrong with a plan (the `submit_plan` tool's input), each with a path and a fix:
 * the schema first; when it passes, repos, ids, dependencies, cycles, secrets, body sizes,
 * then warnings for contracts and snippets. Pure and deterministic; [] means valid.
 */
export function validatePlan(plan: unknown, ctx: PlanContext): PlanProblem[] {
  const parsed = planSchema.safeParse(plan, { reportInput: true });
  if (!parsed.success) {
    return problemsFromIssues(parsed.error.issues, planSchema).map(({ at, ...p }) => ({
      level: "error",
      ...p,
      ...(p.path === "tasks" && at.length === 1 && tooMany(plan)
        ? {
            fix: `split the feature into orchestrations of at most ${MAX_TASKS} tasks, or merge small tasks`,
          }
        : {}),
    }));
  }
  const { tasks } = parsed.data;
  const existing = ctx.existingTaskIds ?? [];
  const errors = [
    ...checkRepos(tasks, ctx.config),
    ...checkIds(tasks, existing),
    ...checkCycles(tasks),
    ...checkSecrets(tasks, ctx.sealedSecrets),
    ...fitSizes(tasks, ctx.hub, ctx.hubIssue),
  ];
  const warnings = [
    ...checkContracts(tasks, ctx.config),
    ...(ctx.snippetIds === undefined ? [] : checkSnippets(tasks, ctx.snippetIds)),
  ];
  return [...errors, ...warnings];
}

function tooMany(plan: unknown): boolean {
  const tasks = (plan as { tasks?: unknown } | null)?.tasks;
  return Array.isArray(tasks) && tasks.length > MAX_TASKS;
}
