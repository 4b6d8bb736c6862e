import { z } from "zod";
import type { AgentDefinition } from "../agents/agent-schema.ts";

/**
 * Where a parsed config keeps the hub's own agents (`.github/havun/agents/*.md`, read with the
 * config). A symbol, not a key: a person cannot write it in `.github/havun.yml`, and a parsed
 * config given to the schema again (`{ ...config, dispatch }`) is still valid — it starts over
 * with none (the agents come from parseHubConfig's agent files).
 */
export const HUB_AGENTS: unique symbol = Symbol("havun.hubAgents");

/**
 * `agents:` in `.github/havun.yml`. The agents themselves are files, `.github/havun/agents/<name>.md`
 * (app/agents/).
 */
export const agentsConfigSchema = z
  .strictObject({
    defaults: z
      .enum(["when_none", "also"])
      .default("when_none")
      .describe(
        "HavunCore's default agents (implementer, test-writer, reviewer, docs-writer): when_none — only when the hub has no agent files in .github/havun/agents; also — beside the hub's own (a hub agent of the same name replaces the default).",
      ),
  })
  .prefault({})
  .transform((a) => ({ ...a, [HUB_AGENTS]: [] as readonly AgentDefinition[] }))
  .describe("The hub's agents: one Markdown file each in .github/havun/agents/<name>.md.");
