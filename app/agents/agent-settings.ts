import type { HubConfig } from "../config/hub-config-schema.ts";
import type { Task } from "../spec/task-schema.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import { agentRegistry } from "./registry.ts";
import { reviewTarget } from "./review-task.ts";

export type AgentSettings = NonNullable<TaskSpec["agent"]>;

/**
 * How a task's agent runs, as the App writes it into the signed spec when it files the task:
 * the named agent's model, fallback, limits, tools and standing instructions, with the hub
 * config's `agent:` values for what the agent leaves unset. A task without an agent (a plan
 * made before agents) or naming one the hub no longer has runs as before agents: the config's
 * model for its kind and the Action's default tools.
 */
export function agentSettings(
  config: HubConfig,
  task: Task,
  plan?: { tasks: readonly Task[] } | null,
): AgentSettings {
  const base: AgentSettings = {
    model: config.agent.models[task.kind],
    max_turns: config.agent.max_turns,
    budget_usd: config.agent.budget_usd.per_task,
    draft: config.agent.draft_until_green,
  };
  const agent =
    task.agent === undefined ? undefined : agentRegistry(config).find((a) => a.name === task.agent);
  if (!agent) return base;
  const reviews = agent.produces === "review" ? reviewTarget(task, plan?.tasks ?? []) : null;
  return {
    ...base,
    name: agent.name,
    model: agent.model ?? base.model,
    ...(agent.fallback_model ? { fallback_model: agent.fallback_model } : {}),
    max_turns: agent.max_turns ?? base.max_turns,
    budget_usd: agent.budget_usd ?? base.budget_usd,
    ...(agent.allowed_tools ? { allowed_tools: [...agent.allowed_tools] } : {}),
    ...(reviews !== null ? { produces: "review" as const, reviews } : {}),
    instructions: agent.instructions,
  };
}
