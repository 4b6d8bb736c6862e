import type { Task } from "../spec/task-schema.ts";
import type { AgentDefinition } from "./agent-schema.ts";
import { agentServes } from "./registry.ts";
import { reviewTarget } from "./review-task.ts";

type PlanTask = Pick<Task, "id" | "repo" | "kind" | "dependencies"> & { agent?: string };

/** Whether `agent` can take `task`: it serves the kind and repository; a reviewer needs a pull request to review. */
export function agentFits(
  agent: AgentDefinition,
  task: PlanTask,
  tasks: readonly PlanTask[],
): boolean {
  if (!agentServes(agent, task)) return false;
  return agent.produces !== "review" || reviewTarget(task, tasks) !== null;
}

/**
 * The agent for a task the planner left without one: the first of the registry (in its order)
 * that fits it; null when none does.
 */
export function defaultAgentFor(
  registry: readonly AgentDefinition[],
  task: PlanTask,
  tasks: readonly PlanTask[],
): AgentDefinition | null {
  return registry.find((a) => agentFits(a, task, tasks)) ?? null;
}

/** The plan with every task's agent named: the planner's choice, else the default that fits. */
export function withAgents<T extends PlanTask>(
  tasks: readonly T[],
  registry: readonly AgentDefinition[],
): T[] {
  return tasks.map((t) => {
    if (t.agent !== undefined) return t;
    const chosen = defaultAgentFor(registry, t, tasks);
    return chosen ? { ...t, agent: chosen.name } : t;
  });
}
