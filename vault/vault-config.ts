import path from "node:path";
import { z } from "zod";
import { VaultError } from "./errors.ts";
import { CONFIG_FILE } from "./layout.ts";
import { isNormalizedRepo, normalizeHub } from "./names.ts";
import { readIfExists, writeAtomic } from "./vault-dir.ts";

/**
 * `vault.json` says which hub a vault belongs to: `{ "format": "havun-vault-config/v1",
 * "hub": "owner/name" }`. Written once (`havun vault init --hub`, or the first seal with --hub)
 * and committed; every later command seals for, and checks against, that hub.
 */
export const CONFIG_FORMAT = "havun-vault-config/v1";

const schema = z.strictObject({
  format: z.literal(CONFIG_FORMAT),
  hub: z.string().refine(isNormalizedRepo, "must be a lower-case owner/name"),
});

export function parseVaultConfig(text: string, file = CONFIG_FILE): { hub: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw configError(file, `not valid JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw configError(file, `${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  return { hub: parsed.data.hub };
}

export function serializeVaultConfig(hub: string): string {
  return JSON.stringify({ format: CONFIG_FORMAT, hub: normalizeHub(hub) }, null, 2) + "\n";
}

/** The hub named by the vault's vault.json, or undefined when it has none. */
export async function readVaultHub(dir: string): Promise<string | undefined> {
  const text = await readIfExists(path.join(dir, CONFIG_FILE));
  return text === undefined ? undefined : parseVaultConfig(text).hub;
}

/**
 * The hub to seal for: vault.json's, which `given` (e.g. --hub) must agree with; or `given` when
 * the vault has no vault.json yet (`unrecorded`: the caller writes it once the seal succeeds).
 */
export async function resolveVaultHub(
  dir: string,
  given: string | undefined,
): Promise<{ hub: string; unrecorded: boolean }> {
  const wanted = given === undefined ? undefined : normalizeHub(given);
  const recorded = await readVaultHub(dir);
  if (recorded !== undefined && wanted !== undefined && recorded !== wanted) {
    throw new VaultError(
      "VAULT_WRONG_HUB",
      `the vault in ${dir} belongs to hub ${recorded} (${CONFIG_FILE}), not ${wanted}`,
      `drop --hub, or point --dir at ${wanted}'s vault; a vault belongs to one hub`,
    );
  }
  const hub = recorded ?? wanted;
  if (hub !== undefined) return { hub, unrecorded: recorded === undefined };
  throw hubMissing(dir);
}

/** Writes vault.json naming the hub; returns its path. */
export async function recordVaultHub(dir: string, hub: string): Promise<string> {
  const file = path.join(dir, CONFIG_FILE);
  await writeAtomic(file, serializeVaultConfig(hub));
  return file;
}

/**
 * `havun vault init --hub`: records the hub in a new vault.json. Naming the hub it already names
 * changes nothing; naming another is refused (the files in it are bound to the recorded hub).
 */
export async function initVault(
  dir: string,
  hubInput: string,
): Promise<{ file: string; hub: string; created: boolean }> {
  const hub = normalizeHub(hubInput);
  const recorded = await readVaultHub(dir);
  const file = path.join(dir, CONFIG_FILE);
  if (recorded === hub) return { file, hub, created: false };
  if (recorded !== undefined) {
    throw new VaultError(
      "VAULT_WRONG_HUB",
      `${file} already names hub ${recorded}, not ${hub}`,
      "a vault belongs to one hub and its files are bound to it; if the hub was renamed, see " +
        '"Renaming the hub" in the vault README',
    );
  }
  await recordVaultHub(dir, hub);
  return { file, hub, created: true };
}

export function hubMissing(dir?: string): VaultError {
  const vault = dir === undefined ? "this vault" : `the vault in ${dir}`;
  return new VaultError(
    "VAULT_HUB_MISSING",
    `${vault} does not say which hub it belongs to (no ${CONFIG_FILE})`,
    "in the hub's checkout run `havun vault init --hub OWNER/NAME` (the hub is the repository " +
      `whose vault/ this is) and commit vault/${CONFIG_FILE}, or pass --hub OWNER/NAME`,
  );
}

function configError(file: string, detail: string): VaultError {
  return new VaultError(
    "VAULT_MALFORMED",
    `${file}: ${detail}`,
    `restore it from git history, or write it with \`havun vault init --hub OWNER/NAME\``,
  );
}
