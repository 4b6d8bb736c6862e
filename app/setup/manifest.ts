import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";

/** The App's manifest at the root of HavunCore (permissions and events it uses). */
export const APP_YML = new URL("../../app.yml", import.meta.url);

/** What GitHub's manifest flow takes (the fields HavunCore sets). */
export interface AppManifest {
  name: string;
  url: string;
  description?: string;
  public: boolean;
  hook_attributes: { url: string; active: boolean };
  redirect_url: string;
  default_permissions: Record<string, string>;
  default_events: string[];
}

export interface ManifestInput {
  /** The public address of this server, as the browser reached it. */
  baseUrl: string;
  /** Where GitHub posts webhooks (the public webhook URL or a proxy channel). */
  hookUrl: string;
  /** Overrides app.yml's name (App names are unique on a GitHub instance). */
  name?: string;
  /** app.yml's parsed content (default: read it). */
  appYml?: Record<string, unknown>;
}

/** The manifest posted to GitHub, from app.yml: private, webhooks to `hookUrl`, back to `/setup/callback`. */
export function buildManifest(input: ManifestInput): AppManifest {
  const yml = input.appYml ?? (parseYaml(readFileSync(APP_YML, "utf8")) as Record<string, unknown>);
  const name = input.name ?? (typeof yml.name === "string" ? yml.name : "HavunCore");
  return {
    name,
    url: typeof yml.url === "string" ? yml.url : input.baseUrl,
    ...(typeof yml.description === "string" ? { description: yml.description } : {}),
    public: false,
    hook_attributes: { url: input.hookUrl, active: true },
    redirect_url: `${input.baseUrl}/setup/callback`,
    default_permissions: (yml.default_permissions ?? {}) as Record<string, string>,
    default_events: (yml.default_events ?? []) as string[],
  };
}
