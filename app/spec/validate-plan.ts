import type { HubConfig } from "../config/hub-config-schema.ts";
import { problemsFromIssues } from "../config/issue-problems.ts";
import { agentSettings } from "../agents/agent-settings.ts";
import { withAgents } from "../agents/choose-agent.ts";
import { agentRegistry } from "../agents/registry.ts";
import { checkAgents } from "./plan-agents.ts";
import { fitSizes } from "./plan-sizes.ts";
import { checkCycles, checkIds, checkRepos, checkSecrets, checkSnippets } from "./plan-checks.ts";
import type { PlanProblem } from "./plan-problem.ts";
import { checkContracts } from "./plan-warnings.ts";
import { MAX_TASKS, planSchema } from "./task-schema.ts";

export interface PlanContext {
  config: HubConfig;
  /** Secret names sealed per repository (owner/name, any case). */
  sealedSecrets: Record<string, readonly string[]>;
  /** Ids of the orchestration's earlier tasks, for a replan: they may be depended on. */
  existingTaskIds?: readonly string[];
  /**
   * The hub's snippet library's ids, read when planning; when given, a task that attaches an
   * unknown id (or more than the agent gets) is an error with a fix. Not given when a stored
   * plan is checked again: a snippet removed later does not undo a plan.
   */
  snippetIds?: readonly string[];
  /**
   * Check each task's agent against the hub's agents (when planning). A stored plan is not
   * checked again: a task whose agent the hub no longer has runs with the config's settings.
   */
  checkAgents?: boolean;
  /** The hub and its issue, to measure sub-issue bodies exactly (long placeholders otherwise). */
  hub?: string;
  hubIssue?: number;
}

/**
 * Everything wrong with a plan (the `submit_plan` tool's input), each with a path and a fix:
 * the schema first; when it passes, repos, ids, dependencies, cycles, secrets, snippets, agents
 * (when planning), body sizes, then warnings for contracts. Pure and deterministic; [] means valid.
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
  const registry = agentRegistry(ctx.config);
  // Measured with each task's agent (its instructions travel in the spec), defaults filled in.
  const filled = ctx.checkAgents ? withAgents(tasks, registry) : tasks;
  const errors = [
    ...checkRepos(tasks, ctx.config),
    ...checkIds(tasks, existing),
    ...checkCycles(tasks),
    ...checkSecrets(tasks, ctx.sealedSecrets),
    ...(ctx.snippetIds === undefined ? [] : checkSnippets(tasks, ctx.snippetIds)),
    ...(ctx.checkAgents ? checkAgents(tasks, registry) : []),
    ...fitSizes(filled, ctx.hub, ctx.hubIssue, (t) =>
      agentSettings(ctx.config, t, { tasks: filled }),
    ),
  ];
  const warnings = checkContracts(tasks, ctx.config);
  return [...errors, ...warnings];
}

function tooMany(plan: unknown): boolean {
  const tasks = (plan as { tasks?: unknown } | null)?.tasks;
  return Array.isArray(tasks) && tasks.length > MAX_TASKS;
}
