import { existsSync, readFileSync } from "node:fs";
import { CliError } from "../errors.ts";
import { installEnv, type InstallEnv } from "../../app/install/install-env.ts";

export interface AppFlags {
  appId?: string;
  privateKeyPath?: string;
  appSlug?: string;
  envFile?: string;
}

/** The App's settings for init and doctor: flags, then the environment, then the App server's `.env`. */
export function appSettings(flags: AppFlags): InstallEnv & { slug: string } {
  const file = flags.envFile ?? ".env";
  if (flags.envFile && !existsSync(file)) throw new CliError(`--env-file ${file}: no such file`);
  const env = installEnv(process.env, existsSync(file) ? readFileSync(file, "utf8") : undefined);
  if (flags.appId !== undefined) env.appId = flags.appId;
  if (flags.privateKeyPath !== undefined) {
    env.privateKeyPath = flags.privateKeyPath;
    delete env.privateKey;
  }
  if (env.appId !== undefined && !/^\d+$/.test(env.appId))
    throw new CliError(`the App id must be a number (--app-id or APP_ID), not "${env.appId}"`);
  return { ...env, slug: flags.appSlug ?? env.slug ?? "havuncore" };
}

/** The App's private key text, when a key or a key file was given. */
export function privateKeyOf(env: InstallEnv): string | undefined {
  if (env.privateKeyPath) {
    if (!existsSync(env.privateKeyPath))
      throw new CliError(`the App's private key file ${env.privateKeyPath} does not exist`);
    return readFileSync(env.privateKeyPath, "utf8");
  }
  return env.privateKey;
}
