import { VaultError, isVaultError } from "./errors.ts";
import { SEALERS_FILE, secretFromPath } from "./layout.ts";
import { normalizeHub, normalizeRepo, validateSecretName } from "./names.ts";
import { openSealedText } from "./open.ts";
import { parsePrivateKey, type RepoPrivateKey } from "./repo-key.ts";
import { parseSealersFile, type TrustedSealer } from "./sealers-file.ts";
import { wipe } from "./secure.ts";
import { readSecretFiles, readTrustedSealers, type VaultFile } from "./vault-dir.ts";

export interface TaskSecretsRequest {
  /** The vault's files (paths like `secrets/acme__api/DB_URL.sealed.json`) or its directory. */
  files: VaultFile[] | string;
  /**
   * The hub repository (owner/name) the files were read from: the repository whose `vault/` the
   * caller fetched them from, never a value read from inside the vault (vault.json). A file
   * sealed for another hub is refused (VAULT_WRONG_HUB); a v1 file, bound to no hub, too
   * (VAULT_LEGACY_FORMAT).
   */
  hub: string;
  /** The repository whose run this is (owner/name, any case). */
  repo: string;
  /** The secrets the task asks for; nothing else is opened. */
  names: string[];
  /** The repository's private key (HAVUN_VAULT_KEY). */
  privateKey: string;
  now?: Date;
  /**
   * Sealers whose signature is required (parse an Action input with `parsePinnedSealers`). Pin
   * these on the opening side when the hub's own sealers.json could be edited by an attacker:
   * when given, the vault's sealers.json is ignored; when omitted, it applies.
   */
  trustedSealers?: TrustedSealer[];
}

/**
 * Opens exactly the named secrets sealed for `repo` in `hub`, or throws the first refusal (typed
 * VaultError naming the file). All or nothing: no value is returned when one is refused.
 */
export async function openTaskSecrets(request: TaskSecretsRequest): Promise<Map<string, string>> {
  const hub = normalizeHub(request.hub);
  const repo = normalizeRepo(request.repo);
  const names = [...new Set(request.names.map(validateSecretName))];
  const files =
    typeof request.files === "string" ? await readSecretFiles(request.files) : request.files;
  const trusted = request.trustedSealers ?? (await sealersOf(request.files));
  const key = parsePrivateKey(request.privateKey);
  try {
    checkKeyRepo(key, repo);
    const values = new Map<string, string>();
    for (const name of names) {
      const file = findFile(files, repo, name);
      const value = open(file, {
        hub,
        repo,
        name,
        key,
        now: request.now,
        trustedSealers: trusted,
      });
      try {
        values.set(name, value.toString("utf8"));
      } finally {
        wipe(value);
      }
    }
    return values;
  } finally {
    key.dispose();
  }
}

function open(file: VaultFile, request: Parameters<typeof openSealedText>[1]): Buffer {
  try {
    return openSealedText(file.text, request);
  } catch (err) {
    throw isVaultError(err) ? err.inFile(file.path) : err;
  }
}

async function sealersOf(source: VaultFile[] | string): Promise<TrustedSealer[] | undefined> {
  if (typeof source === "string") return readTrustedSealers(source);
  const listed = source.find((f) => f.path === SEALERS_FILE || f.path.endsWith(`/${SEALERS_FILE}`));
  return listed === undefined ? undefined : parseSealersFile(listed.text, listed.path);
}

function checkKeyRepo(key: RepoPrivateKey, repo: string): void {
  if (key.repo === repo) return;
  throw new VaultError(
    "VAULT_WRONG_REPO",
    `the private key is ${key.repo}'s (key ${key.keyId}), but this run is for ${repo}`,
    `set HAVUN_VAULT_KEY in ${repo} to its own key (\`havun vault keygen --repo ${repo} --set-secret\`)`,
  );
}

function findFile(files: VaultFile[], repo: string, name: string): VaultFile {
  const found = files.find((f) => {
    const target = secretFromPath(f.path);
    return target?.repo === repo && target.name === name;
  });
  if (found !== undefined) return found;
  const elsewhere = files
    .map((f) => secretFromPath(f.path))
    .filter((t) => t?.name === name)
    .map((t) => t!.repo);
  const note = elsewhere.length > 0 ? ` (sealed only for ${elsewhere.join(", ")})` : "";
  throw new VaultError(
    "VAULT_SECRET_MISSING",
    `no secret ${name} sealed for ${repo}${note}`,
    `seal it for this repository with \`havun vault seal ${name} --repo ${repo}\``,
  );
}
