import path from "node:path";
import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { isVaultError, type VaultErrorCode } from "../../vault/errors.ts";
import { normalizeRepo } from "../../vault/names.ts";
import type { VaultEnv } from "../../vault/env.ts";

/** What `havun vault` commands share: options, output, the --set-secret flow, error mapping. */

/** A usage error (exit 2) that still prints a vault code and hint. */
export class VaultUsageError extends CliError {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message, 2);
  }
}

export interface DirOptions {
  dir?: string;
  hub?: string;
}
export interface RepoOptions extends DirOptions {
  repo: string;
}
export interface SecretSetOptions extends RepoOptions {
  setSecret?: boolean;
  token?: string;
  apiUrl?: string;
}

export const KEY_SECRET = "HAVUN_VAULT_KEY";

export function withSecretOptions(command: Command): Command {
  return command
    .option(
      "--set-secret",
      `store the private key as the repository's Actions secret ${KEY_SECRET}`,
    )
    .option("--token <token>", "GitHub token for --set-secret (default: env GITHUB_TOKEN)")
    .option(
      "--api-url <url>",
      "GitHub REST API (default: env GITHUB_API_URL or https://api.github.com)",
    );
}

/** Checks the --set-secret options before any key is made. */
export function secretTarget(
  o: SecretSetOptions,
  env: VaultEnv,
): { repo: string; token: string; apiUrl: string } | undefined {
  if (!o.setSecret) return undefined;
  const token = o.token ?? env.githubToken;
  if (token === undefined || token === "") {
    throw new CliError("--set-secret needs --token TOKEN or env GITHUB_TOKEN");
  }
  const apiUrl = o.apiUrl ?? env.githubApiUrl;
  return { repo: normalizeRepo(o.repo), token, apiUrl };
}

export async function storeKey(
  target: ReturnType<typeof secretTarget>,
  privateKey: string,
): Promise<void> {
  if (target === undefined) {
    note(
      `store the line on stdout as the repository's Actions secret ${KEY_SECRET} (or use --set-secret)`,
    );
    return;
  }
  const { storeActionsSecret } = await import("../../vault/actions-secret.ts"); // loads Octokit only when needed
  await storeActionsSecret({ ...target, name: KEY_SECRET, value: privateKey });
  note(`stored as Actions secret ${KEY_SECRET} of ${target.repo}`);
}

export function requirePrivateKey(env: VaultEnv): string {
  if (env.privateKey !== undefined) return env.privateKey;
  throw new VaultUsageError(
    "VAULT_KEY_MISSING",
    `${KEY_SECRET} is not set`,
    `set ${KEY_SECRET} to the repository's private key (printed by \`havun vault keygen\` or \`rotate\`)`,
  );
}

export function dirOf(o: DirOptions): string {
  return path.resolve(o.dir ?? "vault");
}

export function out(text: string): void {
  process.stdout.write(text + "\n");
}

export function note(text: string): void {
  process.stderr.write(text + "\n");
}

/** Vault errors about malformed input become usage errors (exit 2); other refusals exit 1. */
export function guard<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await action(...args);
    } catch (err) {
      if (isVaultError(err) && err.isUsage)
        throw new VaultUsageError(err.code, err.message, err.hint);
      throw err;
    }
  };
}
