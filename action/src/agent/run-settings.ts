import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import { toolNames } from "./claude-code.ts";

/** The tools an agent without its own list gets, unless the calling workflow names others. */
export const DEFAULT_TOOLS =
  "Read,Edit,Write,Glob,Grep,Bash(npm test:*),Bash(npm run:*),Bash(node:*),Bash(git status:*),Bash(git diff:*)";

/** How Claude Code runs for a task: all from the App-signed spec, defaults where it is silent. */
export interface RunSettings {
  model: string;
  /** Switch to `to` when `from` keeps answering busy (the model proxy does it). */
  fallback: { from: string; to: string } | null;
  maxTurns: number;
  budgetUsd: number;
  /** `--allowedTools`: the tools and Bash patterns the agent may use without asking. */
  allowedTools: string[];
  /** `--tools`: the only tools offered to the model; all of Claude Code's when absent. */
  tools?: string[];
  /** The agent's standing instructions, for the system prompt. */
  instructions?: string;
  /** The agent's name, when the task has one. */
  agent?: string;
  /** The task whose pull request a reviewer reviews; null for a run that opens a pull request. */
  reviews: string | null;
}

/**
 * The run's settings from the spec's `agent` (the hub's agent file, signed by the App): its model
 * and fallback, limits, tools and instructions. An agent's own tools win over the calling
 * workflow's `allowed-tools` input, which applies to tasks whose agent names none; without
 * either, HavunCore's default set.
 */
export function runSettings(spec: TaskSpec, toolsInput: string): RunSettings {
  const a = spec.agent;
  const model = a?.model ?? "claude-sonnet-5-5";
  const own = a?.allowed_tools?.length ? a.allowed_tools : null;
  const allowedTools =
    own ??
    (toolsInput || DEFAULT_TOOLS)
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
  return {
    model,
    fallback:
      a?.fallback_model && a.fallback_model !== model
        ? { from: model, to: a.fallback_model }
        : null,
    maxTurns: a?.max_turns ?? 30,
    budgetUsd: a?.budget_usd ?? 5,
    allowedTools,
    ...(own ? { tools: toolNames(own) } : {}),
    ...(a?.instructions ? { instructions: a.instructions } : {}),
    ...(a?.name ? { agent: a.name } : {}),
    reviews: a?.produces === "review" ? (a.reviews ?? null) : null,
  };
}
