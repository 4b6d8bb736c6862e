import { parseEnv } from "../setup/env-file.ts";

/**
 * What `havun init` and `havun doctor` take from the App server's environment: the App's id and
 * key (for the checks only the App can make), its slug, and the workflows it trusts. The
 * process environment wins over the `.env` file the App server runs with (`havun app` writes it).
 */
export interface InstallEnv {
  appId?: string;
  privateKey?: string;
  privateKeyPath?: string;
  slug?: string;
  trustedWorkflows?: string;
}

const NAMES: Record<keyof InstallEnv, string> = {
  appId: "APP_ID",
  privateKey: "PRIVATE_KEY",
  privateKeyPath: "PRIVATE_KEY_PATH",
  slug: "APP_SLUG",
  trustedWorkflows: "HAVUN_TRUSTED_WORKFLOWS",
};

export function installEnv(
  env: Record<string, string | undefined>,
  dotenvText?: string,
): InstallEnv {
  const file = dotenvText === undefined ? new Map<string, string>() : parseEnv(dotenvText);
  const out: InstallEnv = {};
  for (const [key, name] of Object.entries(NAMES) as [keyof InstallEnv, string][]) {
    const value = env[name] || file.get(name) || undefined;
    if (value !== undefined) out[key] = key === "privateKey" ? value.replace(/\\n/g, "\n") : value;
  }
  return out;
}
