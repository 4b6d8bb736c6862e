import path from "node:path";
import { isSecretName, repoFromSlug, repoSlug, validateSecretName } from "./names.ts";

/**
 * Where things live in a vault directory (by default `vault/` of the hub checkout):
 *
 *   vault.json                                the hub this vault belongs to
 *   sealers.json                              trusted sealers (optional)
 *   keys/<owner>__<repo>.pub.json             a repository's public key
 *   secrets/<owner>__<repo>/<NAME>.sealed.json one sealed secret
 */
export const CONFIG_FILE = "vault.json";
export const SEALERS_FILE = "sealers.json";
export const KEYS_DIR = "keys";
export const SECRETS_DIR = "secrets";
export const KEY_SUFFIX = ".pub.json";
export const SEALED_SUFFIX = ".sealed.json";

export function keyPath(repo: string): string {
  return `${KEYS_DIR}/${repoSlug(repo)}${KEY_SUFFIX}`;
}

export function secretsPath(repo: string): string {
  return `${SECRETS_DIR}/${repoSlug(repo)}`;
}

export function secretPath(repo: string, name: string): string {
  return `${secretsPath(repo)}/${validateSecretName(name)}${SEALED_SUFFIX}`;
}

/** The repository and name a sealed file's path says it holds, or undefined for other paths. */
export function secretFromPath(file: string): { repo: string; name: string } | undefined {
  const parts = file.split(/[\\/]/);
  const [fileName, slug, secrets] = [parts.at(-1), parts.at(-2), parts.at(-3)];
  if (secrets !== SECRETS_DIR || slug === undefined || !fileName?.endsWith(SEALED_SUFFIX)) {
    return undefined;
  }
  const repo = repoFromSlug(slug);
  const name = fileName.slice(0, -SEALED_SUFFIX.length);
  return repo === undefined || !isSecretName(name) ? undefined : { repo, name };
}

/** The repository a key file's path is for, or undefined. */
export function repoFromKeyPath(file: string): string | undefined {
  const base = path.basename(file);
  return base.endsWith(KEY_SUFFIX) ? repoFromSlug(base.slice(0, -KEY_SUFFIX.length)) : undefined;
}
