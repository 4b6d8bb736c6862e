import type { SandboxCore } from "../core.ts";
import { newSealKey, openSealed, sealTo } from "./sealed-box.ts";
import { GitHubError, validationFailed } from "../http/github-error.ts";
import type { EnvironmentRecord, RepoKeyRecord } from "../state/types.ts";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Secret and variable names: letters, digits and `_`, not a digit first, not `GITHUB_`; case-insensitive. */
export function checkActionsName(kind: "Secret" | "Variable", raw: string): string {
  const name = raw.toUpperCase();
  if (!NAME.test(name) || name.startsWith("GITHUB_"))
    throw validationFailed(
      kind,
      kind === "Secret" ? "secret_name" : "name",
      "invalid",
      `${kind} names can only contain alphanumeric characters or underscores, must not start with a number or GITHUB_.`,
    );
  return name;
}

/** The environment's own curve25519 key pair for sealed boxes, made on first use. */
export function environmentKey(core: SandboxCore, environment: EnvironmentRecord): RepoKeyRecord {
  if (!environment.key) {
    environment.key = { repoId: environment.repoId, ...newSealKey() };
    core.store.changed();
  }
  return environment.key;
}

/** A value sealed to the environment's key, as a client does before `PUT …/secrets/{name}`. */
export function sealForEnvironment(
  core: SandboxCore,
  environment: EnvironmentRecord,
  value: string,
): { encrypted_value: string; key_id: string } {
  const key = environmentKey(core, environment);
  return { encrypted_value: sealTo(key, value), key_id: key.keyId };
}

/**
 * Stores a sealed secret as `PUT …/environments/{env}/secrets/{name}` does: the key id must be
 * the environment's, and the value must open with its key. True when it was new.
 */
export function putEnvironmentSecret(
  core: SandboxCore,
  environment: EnvironmentRecord,
  rawName: string,
  body: { encrypted_value?: unknown; key_id?: unknown },
): boolean {
  const name = checkActionsName("Secret", rawName);
  const key = environmentKey(core, environment);
  if (String(body.key_id) !== key.keyId)
    throw new GitHubError(
      422,
      `Bad request - the key_id does not match environment ${environment.name}'s public key (GET …/environments/${environment.name}/secrets/public-key).`,
    );
  const encryptedValue = String(body.encrypted_value ?? "");
  if (openSealed(key, encryptedValue) === null)
    throw new GitHubError(
      422,
      `Bad request - encrypted_value is not a sealed box for environment ${environment.name}'s key.`,
    );
  const now = core.store.now();
  const existing = environment.secrets.find((s) => s.name === name);
  if (existing) Object.assign(existing, { encryptedValue, keyId: key.keyId, updatedAt: now });
  else
    environment.secrets.push({
      name,
      encryptedValue,
      keyId: key.keyId,
      createdAt: now,
      updatedAt: now,
    });
  core.store.changed();
  return !existing;
}

/** The environment's secrets, opened (for a job that references the environment). */
export function openEnvironmentSecrets(environment: EnvironmentRecord): Record<string, string> {
  const out: Record<string, string> = {};
  if (!environment.key) return out;
  for (const s of environment.secrets) {
    const value = openSealed(environment.key, s.encryptedValue);
    if (value !== null) out[s.name] = value;
  }
  return out;
}

/** Sets an environment variable (created or updated); true when it was new. */
export function putEnvironmentVariable(
  core: SandboxCore,
  environment: EnvironmentRecord,
  rawName: string,
  value: string,
): boolean {
  const name = checkActionsName("Variable", rawName);
  const now = core.store.now();
  const existing = environment.variables.find((v) => v.name === name);
  if (existing) Object.assign(existing, { value, updatedAt: now });
  else environment.variables.push({ name, value, createdAt: now, updatedAt: now });
  core.store.changed();
  return !existing;
}
