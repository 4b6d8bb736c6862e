import Anthropic from "@anthropic-ai/sdk";
import type { LoadedConfig } from "../orchestrator/load-config.ts";
import { loadHubConfig } from "../orchestrator/load-config.ts";
import { VIEW_ONLY_SIGNER } from "../trust/marker-signer.ts";
import type { GitHubClient } from "./client.ts";
import { readHubCatalog } from "./planner-context.ts";

/**
 * What views of a hub (the dashboard, `havun mcp`, `havun orchestrate`, `havun status --all`)
 * read once per page or command: the hub's config and its sealed secrets' names, each read at
 * most once however many orchestrations are shown. Views never act, so they read with the
 * view-only signer.
 */
export interface HubReader {
  octokit: GitHubClient;
  hub: string;
  appSlug: string;
  config(): Promise<LoadedConfig>;
  sealedSecrets(): Promise<Record<string, string[]>>;
}

const silent = { info() {}, warn() {}, error() {} };

export function hubReader(o: { octokit: GitHubClient; hub: string; appSlug?: string }): HubReader {
  const appSlug = o.appSlug ?? "havuncore";
  let config: Promise<LoadedConfig> | null = null;
  let secrets: Promise<Record<string, string[]>> | null = null;
  return {
    octokit: o.octokit,
    hub: o.hub,
    appSlug,
    config: () =>
      (config ??= loadHubConfig(
        {
          octokit: o.octokit,
          // Never called: reading a config needs no model.
          anthropic: new Anthropic({ apiKey: "unused" }),
          appSlug,
          signer: VIEW_ONLY_SIGNER,
          log: silent,
        },
        o.hub,
      )),
    sealedSecrets: () =>
      (secrets ??= readHubCatalog(o.octokit, o.hub, null).then((c) => c.sealedSecrets)),
  };
}
