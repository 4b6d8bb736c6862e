import type { ConfigWarning } from "../config/config-error.ts";
import { TASK_KINDS } from "../spec/task-schema.ts";
import type { AgentDefinition } from "./agent-schema.ts";
import { repoAllowed } from "./repo-glob.ts";

/**
 * What parses but is probably not meant, across a hub's agents and its projects: an agent
 * whose `repos` match no project, and task kinds no agent serves (the planner cannot plan them).
 */
export function registryWarnings(
  agents: readonly AgentDefinition[],
  projects: readonly { repo: string }[],
): ConfigWarning[] {
  const out: ConfigWarning[] = [];
  for (const a of agents)
    if (a.repos && !projects.some((p) => repoAllowed(a.repos, p.repo)))
      out.push({
        path: "repos",
        file: a.source,
        message: `agent ${a.name} may work in none of the hub's projects (${a.repos.join(", ")})`,
        fix: "make `repos` match a project in .github/havun.yml (owner/name, * for any part), or leave it out for every project",
      });
  const unserved = TASK_KINDS.filter((k) => !agents.some((a) => a.kinds.includes(k)));
  if (agents.length && unserved.length)
    out.push({
      path: "",
      file: agents[0]!.source.replace(/[^/]+$/, ""),
      message: `no agent serves ${unserved.join(", ")} tasks, so none are planned`,
      fix: "add those kinds to an agent's `kinds`, or set `agents: { defaults: also }` in .github/havun.yml to keep HavunCore's default agents beside yours",
    });
  return out;
}
