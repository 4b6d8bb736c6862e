import { VaultError } from "./errors.ts";

const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,127}$/;
// GitHub owners: letters, digits, single hyphens (no underscores), so "__" separates owner and repo.
const OWNER = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/;
const REPO_NAME = /^[a-z0-9._-]{1,100}$/;

/** Checks a secret name: an environment-variable style name such as `STRIPE_API_KEY`. */
export function validateSecretName(name: string): string {
  if (!SECRET_NAME.test(name)) {
    throw new VaultError(
      "VAULT_INVALID_NAME",
      `invalid secret name ${JSON.stringify(name)}`,
      "use an upper-case letter then upper-case letters, digits or _ (at most 128), e.g. STRIPE_API_KEY",
    );
  }
  return name;
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Normalises `Owner/Name` to lower case and checks it; GitHub compares both case-insensitively. */
export function normalizeRepo(repo: string): string {
  const lower = repo.trim().toLowerCase();
  const [owner, name, extra] = lower.split("/");
  const valid =
    extra === undefined &&
    owner !== undefined &&
    name !== undefined &&
    OWNER.test(owner) &&
    REPO_NAME.test(name) &&
    name !== "." &&
    name !== "..";
  if (!valid) {
    throw new VaultError(
      "VAULT_INVALID_REPO",
      `invalid repository ${JSON.stringify(repo)}`,
      "give the repository as OWNER/NAME, e.g. acme/billing-api",
    );
  }
  return lower;
}

/**
 * Normalises the hub: the repository whose `vault/` holds the sealed files (owner/name, lower
 * case). Missing or malformed, it is refused with a hint about the hub, not the target.
 */
export function normalizeHub(hub: string | undefined): string {
  if (typeof hub !== "string" || hub.trim() === "") {
    throw new VaultError(
      "VAULT_HUB_MISSING",
      "no hub given: sealed files are bound to the hub repository whose vault/ holds them",
      "pass the hub as OWNER/NAME (the repository the vault files are read from)",
    );
  }
  try {
    return normalizeRepo(hub);
  } catch {
    throw new VaultError(
      "VAULT_INVALID_REPO",
      `invalid hub repository ${JSON.stringify(hub)}`,
      "give the hub as OWNER/NAME, e.g. acme/hub",
    );
  }
}

/** True when `repo` is already in normalised form (what sealed files must carry). */
export function isNormalizedRepo(repo: string): boolean {
  try {
    return normalizeRepo(repo) === repo;
  } catch {
    return false;
  }
}

/** `acme/api` → `acme__api`: the repository's folder and key-file stem in the vault. */
export function repoSlug(repo: string): string {
  return normalizeRepo(repo).replace("/", "__");
}

/** `acme__api` → `acme/api`, or undefined when the stem is not a repository slug. */
export function repoFromSlug(slug: string): string | undefined {
  const at = slug.indexOf("__");
  if (at < 0) return undefined;
  const repo = `${slug.slice(0, at)}/${slug.slice(at + 2)}`;
  return isNormalizedRepo(repo) ? repo : undefined;
}
