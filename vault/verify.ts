import path from "node:path";
import { VaultError, isVaultError } from "./errors.ts";
import { daysLeft, expiredError, isExpired } from "./expiry.ts";
import { CONFIG_FILE, repoFromKeyPath, secretFromPath, SEALERS_FILE } from "./layout.ts";
import { normalizeHub } from "./names.ts";
import { parsePublicKeyFile } from "./public-key-file.ts";
import type { RecipientKey } from "./repo-key.ts";
import { parseSealedFile, type SealedFile } from "./sealed-file.ts";
import { checkSealerTrusted, parseSealersFile, type TrustedSealer } from "./sealers-file.ts";
import { checkSignatureIntact } from "./signer.ts";
import { readIfExists, readKeyFiles, readSecretFiles, type VaultFile } from "./vault-dir.ts";
import { checkHubBinding, expectedVaultHub } from "./hub-binding.ts";

export interface VerifyInput {
  secretFiles: VaultFile[];
  keyFiles: VaultFile[];
  /** The text of sealers.json, when the vault has one. */
  sealersText?: string | undefined;
  /** The text of vault.json (which names the vault's hub), when the vault has one. */
  configText?: string | undefined;
  /**
   * The hub this vault is known to be (e.g. `--hub ${{ github.repository }}` in the hub's CI):
   * vault.json must name it. Without vault.json, the files are checked against it.
   */
  hub?: string | undefined;
  now: Date;
  /** Warn when a secret expires within this many days. */
  warnDays?: number;
}

export interface VerifyResult {
  checked: number;
  /** Each problem is a VaultError naming its file. */
  problems: VaultError[];
  warnings: string[];
}

/**
 * Checks a vault without any private key: vault.json names the hub, every file well-formed, in
 * the hub-bound format, bound to that hub and where its content says it belongs, signatures intact and (with sealers listed) trusted, sealed to the repository's current
 * key, not expired. Values are never opened.
 */
export function verifyFiles(input: VerifyInput): VerifyResult {
  const problems: VaultError[] = [];
  const warnings: string[] = [];
  const collect = (file: string, check: () => void) => {
    try {
      check();
    } catch (err) {
      if (!isVaultError(err)) throw err;
      problems.push(err.inFile(file));
    }
  };
  let sealers: TrustedSealer[] | undefined;
  if (input.sealersText !== undefined) {
    collect(SEALERS_FILE, () => (sealers = parseSealersFile(input.sealersText!, SEALERS_FILE)));
  }
  // A hub given by the caller is the truth; when vault.json disagrees, files are checked against it.
  let hub = input.hub === undefined ? undefined : normalizeHub(input.hub);
  collect(CONFIG_FILE, () => {
    const { configText, secretFiles } = input;
    hub = expectedVaultHub({ configText, given: input.hub, hasSecrets: secretFiles.length > 0 });
  });
  const keys = new Map<string, RecipientKey>();
  for (const file of input.keyFiles) collect(file.path, () => checkKeyFile(file, keys));
  for (const file of input.secretFiles) {
    collect(file.path, () => {
      const sealed = checkSecretFile(file, { keys, sealers, hub, now: input.now });
      const left = sealed.expires === null ? undefined : daysLeft(sealed.expires, input.now);
      if (left !== undefined && left < (input.warnDays ?? 14)) {
        warnings.push(
          `${file.path}: expires ${sealed.expires} (${left} day(s) left); seal a fresh value`,
        );
      }
    });
  }
  const config = input.configText === undefined ? 0 : 1;
  return {
    checked: config + input.keyFiles.length + input.secretFiles.length,
    problems,
    warnings,
  };
}

/** Verifies the vault in `dir`; `hub`, when given, is what its vault.json must name. */
export async function verifyVault(
  dir: string,
  now = new Date(),
  hub?: string,
): Promise<VerifyResult> {
  return verifyFiles({
    secretFiles: await readSecretFiles(dir),
    keyFiles: await readKeyFiles(dir),
    sealersText: await readIfExists(path.join(dir, SEALERS_FILE)),
    configText: await readIfExists(path.join(dir, CONFIG_FILE)),
    hub,
    now,
  });
}

function checkKeyFile(file: VaultFile, keys: Map<string, RecipientKey>): void {
  const repo = repoFromKeyPath(file.path);
  if (repo === undefined) throw stray(file.path, "keys/<owner>__<repo>.pub.json");
  const key = parsePublicKeyFile(file.text, file.path);
  if (key.repo !== repo) {
    throw new VaultError(
      "VAULT_WRONG_REPO",
      `the key file is named for ${repo} but holds ${key.repo}'s key`,
      "restore it from git history; key files cannot be copied between repositories",
    );
  }
  keys.set(repo, key);
}

function checkSecretFile(
  file: VaultFile,
  vault: {
    keys: Map<string, RecipientKey>;
    sealers: TrustedSealer[] | undefined;
    hub: string | undefined;
    now: Date;
  },
): SealedFile {
  const { keys, sealers, now } = vault;
  const target = secretFromPath(file.path);
  if (target === undefined) throw stray(file.path, "secrets/<owner>__<repo>/<NAME>.sealed.json");
  const sealed = parseSealedFile(file.text);
  if (sealed.repo !== target.repo || sealed.name !== target.name) {
    throw new VaultError(
      sealed.repo !== target.repo ? "VAULT_WRONG_REPO" : "VAULT_WRONG_NAME",
      `holds ${sealed.repo} ${sealed.name}, but its path says ${target.repo} ${target.name}`,
      "sealed files cannot be moved or renamed; seal the value again under the right name and repository",
    );
  }
  checkHubBinding(sealed, vault.hub);
  checkSignatureIntact(sealed);
  checkSealerTrusted(sealed, sealers);
  const key = keys.get(sealed.repo);
  if (key === undefined) {
    throw new VaultError(
      "VAULT_KEY_MISSING",
      `no public key for ${sealed.repo}, so nothing can open this secret`,
      `restore keys/ from git history, or \`havun vault keygen --repo ${sealed.repo}\` and re-seal`,
    );
  }
  if (!sealed.recipients.some((r) => r.keyId === key.keyId)) {
    throw new VaultError(
      "VAULT_NOT_RECIPIENT",
      `sealed to key ${sealed.recipients.map((r) => r.keyId).join(", ")}, but ${sealed.repo}'s key is ${key.keyId}`,
      `re-seal it, or run \`havun vault rotate --repo ${sealed.repo}\` with the old key`,
    );
  }
  if (isExpired(sealed.expires, now)) throw expiredError(sealed.expires!);
  return sealed;
}

function stray(file: string, expected: string): VaultError {
  return new VaultError(
    "VAULT_MALFORMED",
    `unexpected file (vault files are named ${expected})`,
    "move or remove it; only havun's files belong in the vault's keys/ and secrets/",
  );
}
