import { readFileSync } from "node:fs";
import { logSettings, type LogFormat, type LogLevel } from "../../app/http/log-format.ts";
import { CliError } from "../errors.ts";

export interface AppFlags {
  port: string;
  apiUrl?: string;
  slug?: string;
  org?: string;
  name?: string;
  webhookUrl?: string;
  webhookProxy?: string;
  envFile: string;
}

/** `havun app`'s flags and environment, parsed once. */
export interface AppSettings {
  port: number;
  host: string;
  apiUrl: string | undefined;
  org: string | undefined;
  name: string | undefined;
  webhookUrl: string | undefined;
  webhookProxy: string | undefined;
  slug: string | undefined;
  log: { format: LogFormat; level: LogLevel };
  shutdownTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

function url(flag: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    if (u.protocol === "http:" || u.protocol === "https:") return value;
  } catch {
    // reported below
  }
  throw new CliError(`${flag} must be an http(s) URL, not "${value}"`);
}

export function readSettings(flags: AppFlags, env: Env, isTTY: boolean): AppSettings {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port must be a port number, not "${flags.port}"`);
  const timeout = Number(env.SHUTDOWN_TIMEOUT_SECONDS ?? "25");
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new CliError(
      `SHUTDOWN_TIMEOUT_SECONDS must be a positive number of seconds, not "${env.SHUTDOWN_TIMEOUT_SECONDS}"`,
    );
  let log;
  try {
    log = logSettings(env, isTTY);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  return {
    port,
    host: env.HOST || "127.0.0.1",
    apiUrl: url("--api-url", flags.apiUrl ?? env.GITHUB_API_URL),
    org: flags.org ?? env.GH_ORG,
    name: flags.name,
    webhookUrl: url("--webhook-url", flags.webhookUrl),
    webhookProxy: url("--webhook-proxy", flags.webhookProxy ?? env.WEBHOOK_PROXY_URL),
    slug: flags.slug ?? env.APP_SLUG,
    log,
    shutdownTimeoutMs: timeout * 1000,
  };
}

export interface AppCredentials {
  appId: string;
  privateKey: string;
  webhookSecret: string;
}

/** APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH) and WEBHOOK_SECRET, with the fix when one is missing. */
export function credentialsFromEnv(env: Env): AppCredentials {
  const appId = env.APP_ID!;
  let privateKey: string;
  if (env.PRIVATE_KEY) privateKey = env.PRIVATE_KEY.replace(/\\n/g, "\n");
  else if (env.PRIVATE_KEY_PATH) privateKey = readFileSync(env.PRIVATE_KEY_PATH, "utf8");
  else
    throw new CliError(
      "no App private key: set PRIVATE_KEY (the PEM) or PRIVATE_KEY_PATH (a file holding it)",
    );
  if (!env.WEBHOOK_SECRET)
    throw new CliError("no WEBHOOK_SECRET: set it to the App's webhook secret");
  return { appId, privateKey, webhookSecret: env.WEBHOOK_SECRET };
}
