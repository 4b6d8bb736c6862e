import type { HubConfig } from "../config/hub-config-schema.ts";
import { HUB_CONFIG_PATH, parseHubConfig } from "../config/parse-hub-config.ts";
import { renderConfigErrors } from "../config/render-config-errors.ts";
import { readHubConfigText } from "../gateway/planner-context.ts";
import type { OrchestratorDeps } from "./deps.ts";

export type LoadedConfig =
  { ok: true; config: HubConfig } | { ok: false; missing: boolean; comment: string };

/** The hub's `.github/havun.yml`, or the comment that tells the user what to fix. */
export async function loadHubConfig(deps: OrchestratorDeps, hub: string): Promise<LoadedConfig> {
  const text = await readHubConfigText(deps.octokit, hub, HUB_CONFIG_PATH);
  if (text === null) {
    return {
      ok: false,
      missing: true,
      comment: `HavunCore found no \`${HUB_CONFIG_PATH}\` in ${hub}. Add one listing the project repositories (see the README's "Hub configuration").`,
    };
  }
  const parsed = parseHubConfig(text);
  if (parsed.ok) return { ok: true, config: parsed.config };
  return { ok: false, missing: false, comment: renderConfigErrors(parsed.errors) };
}
