import type { HubConfig } from "../config/hub-config-schema.ts";
import { HUB_CONFIG_PATH, parseHubConfig } from "../config/parse-hub-config.ts";
import { renderConfigErrors } from "../config/render-config-errors.ts";
import { readHubConfigFiles } from "../gateway/hub-config-files.ts";
import type { OrchestratorDeps } from "./deps.ts";

export type LoadedConfig =
  { ok: true; config: HubConfig } | { ok: false; missing: boolean; comment: string };

/**
 * The hub's `.github/havun.yml` with its agents (`.github/havun/agents/*.md`), or the comment
 * that tells the user what to fix.
 */
export async function loadHubConfig(deps: OrchestratorDeps, hub: string): Promise<LoadedConfig> {
  const files = await readHubConfigFiles(deps.octokit, hub);
  if (files === null) {
    return {
      ok: false,
      missing: true,
      comment: `HavunCore found no \`${HUB_CONFIG_PATH}\` in ${hub}. Add one listing the project repositories (every key: docs/hub-config.md in HavunCore's repository).`,
    };
  }
  const parsed = parseHubConfig(files.config, files.agents);
  if (parsed.ok) return { ok: true, config: parsed.config };
  return { ok: false, missing: false, comment: renderConfigErrors(parsed.errors) };
}
