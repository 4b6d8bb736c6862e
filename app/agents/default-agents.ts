import { readdirSync, readFileSync } from "node:fs";
import type { AgentDefinition } from "./agent-schema.ts";
import { parseAgentFile } from "./parse-agent-file.ts";

let loaded: AgentDefinition[] | null = null;

/**
 * HavunCore's own agents (`app/agents/defaults/*.md`: implementer, test writer, reviewer, docs
 * writer), used when a hub has no agent files. Read once, on first use — never at import, so
 * the bundled Action, which needs none, does not look for them.
 */
export function defaultAgents(): readonly AgentDefinition[] {
  if (loaded) return loaded;
  const dir = new URL("./defaults/", import.meta.url);
  const names = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort();
  loaded = names.map((name) => {
    const parsed = parseAgentFile({
      path: `havuncore:agents/${name}`,
      text: readFileSync(new URL(name, dir), "utf8"),
    });
    if (!parsed.ok)
      throw new Error(
        `HavunCore's default agent ${name} is invalid: ${JSON.stringify(parsed.errors)}`,
      );
    return parsed.agent;
  });
  return loaded;
}
