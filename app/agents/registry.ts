import { HUB_AGENTS } from "../config/agents-config-schema.ts";
import type { ConfigError, ConfigWarning } from "../config/config-error.ts";
import type { TaskKind } from "../spec/task-schema.ts";
import type { AgentDefinition } from "./agent-schema.ts";
import { defaultAgents } from "./default-agents.ts";
import { parseAgentFile, type AgentFileText } from "./parse-agent-file.ts";
import { repoAllowed } from "./repo-glob.ts";

/** At most this many agent files are read from a hub. */
export const MAX_AGENT_FILES = 50;

export interface HubAgents {
  agents: AgentDefinition[];
  errors: ConfigError[];
  warnings: ConfigWarning[];
}

/**
 * The hub's agent files, each parsed and checked; then across files: names are unique (a second
 * file with a name already taken is an error naming the first), and a name that differs from
 * its file's name is a warning (`<name>.md` is where people look for it).
 */
export function parseHubAgents(files: readonly AgentFileText[]): HubAgents {
  const agents: AgentDefinition[] = [];
  const errors: ConfigError[] = [];
  const warnings: ConfigWarning[] = [];
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  if (sorted.length > MAX_AGENT_FILES)
    errors.push({
      path: "",
      file: sorted[MAX_AGENT_FILES]!.path,
      message: `the hub has more than ${MAX_AGENT_FILES} agent files; at most ${MAX_AGENT_FILES} are read`,
      fix: "merge agents that do similar work, or remove unused ones",
    });
  const byName = new Map<string, AgentDefinition>();
  for (const file of sorted.slice(0, MAX_AGENT_FILES)) {
    const parsed = parseAgentFile(file);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const agent = parsed.agent;
    const first = byName.get(agent.name);
    if (first) {
      errors.push({
        path: "name",
        file: file.path,
        line: 2,
        message: `the name ${agent.name} is already taken by ${first.source}`,
        fix: `give each agent its own name: rename this one, or remove one of the two files`,
      });
      continue;
    }
    const base = file.path.split("/").pop()!.replace(/\.md$/i, "");
    if (base !== agent.name)
      warnings.push({
        path: "name",
        file: file.path,
        message: `the agent is named ${agent.name} but its file is ${base}.md`,
        fix: `rename the file to ${agent.name}.md, so it is found by its name`,
      });
    byName.set(agent.name, agent);
    agents.push(agent);
  }
  return { agents, errors, warnings };
}

/** What the hub config says about agents (its `agents:` key, with the hub's agent files). */
export interface AgentsConfig {
  defaults: "when_none" | "also";
  /** The hub's own agents (`.github/havun/agents/*.md`), parsed; [] when it has none. */
  [HUB_AGENTS]?: readonly AgentDefinition[];
}

/**
 * The agents a hub's tasks can be given: its own; HavunCore's defaults when it has none (or
 * beside its own with `defaults: also`, where a hub agent of the same name wins).
 */
export function agentRegistry(config: { agents?: AgentsConfig }): readonly AgentDefinition[] {
  const hub = config.agents?.[HUB_AGENTS] ?? [];
  if (hub.length === 0) return defaultAgents();
  if (config.agents?.defaults !== "also") return hub;
  const taken = new Set(hub.map((a) => a.name));
  return [...hub, ...defaultAgents().filter((a) => !taken.has(a.name))];
}

/** Whether `agent` may do a task of `kind` in `repo`. */
export function agentServes(
  agent: AgentDefinition,
  task: { kind: TaskKind; repo: string },
): boolean {
  return agent.kinds.includes(task.kind) && repoAllowed(agent.repos, task.repo);
}
