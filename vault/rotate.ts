import path from "node:path";
import { VaultError, isVaultError } from "./errors.ts";
import { secretFromPath } from "./layout.ts";
import { normalizeRepo } from "./names.ts";
import { openSealedFile } from "./open.ts";
import {
  generateRepoKey,
  parsePrivateKey,
  type RecipientKey,
  type RepoPrivateKey,
} from "./repo-key.ts";
import { sealSecret } from "./seal.ts";
import { parseSealedFile, serializeSealedFile } from "./sealed-file.ts";
import type { TrustedSealer } from "./sealers-file.ts";
import { wipe } from "./secure.ts";
import type { SigningKey } from "./signer.ts";
import { resolveSigner } from "./signing-policy.ts";
import { recordVaultHub, resolveVaultHub } from "./vault-config.ts";
import {
  readSecretFiles,
  readTrustedSealers,
  requireRecipientKey,
  writeAtomic,
  writeRecipientKey,
  type VaultFile,
} from "./vault-dir.ts";

export interface RewrapRequest {
  /** The hub being rotated: files must be bound to it (or be v1), and are re-sealed for it. */
  hub: string;
  repo: string;
  oldKey: RepoPrivateKey;
  newKey: RecipientKey;
  signer?: SigningKey | undefined;
  trustedSealers?: TrustedSealer[] | undefined;
  now?: Date;
}

/**
 * Re-seals every given secret of `repo` to the new key (fresh data key, version + 1, same expiry;
 * expired ones too, so the old key opens none of them), in format v2 bound to `hub`; v1 files
 * are migrated so. All or nothing: throws on the first refusal (a file of another hub, too).
 */
export function rewrapSecrets(files: VaultFile[], request: RewrapRequest): VaultFile[] {
  return files.map((file) => {
    try {
      const target = secretFromPath(file.path);
      const sealed = parseSealedFile(file.text);
      const value = openSealedFile(sealed, {
        hub: request.hub,
        repo: request.repo,
        name: target?.name,
        key: request.oldKey,
        trustedSealers: request.trustedSealers,
        now: request.now,
        allowExpired: true,
        allowLegacy: true,
      });
      try {
        const next = sealSecret({
          hub: request.hub,
          name: sealed.name,
          repo: sealed.repo,
          value,
          version: sealed.version + 1,
          expires: sealed.expires,
          recipients: [request.newKey],
          signer: request.signer,
          keepPastExpiry: true,
        });
        return { path: file.path, text: serializeSealedFile(next) };
      } finally {
        wipe(value);
      }
    } catch (err) {
      throw isVaultError(err) ? err.inFile(file.path) : err;
    }
  });
}

export interface RotateRequest {
  dir: string;
  /** The hub whose vault `dir` is; as for `sealIntoVault` (vault.json's when omitted). */
  hub?: string | undefined;
  repo: string;
  /** The current private key (HAVUN_VAULT_KEY). */
  oldPrivateKey: string;
  signingKey?: string | undefined;
  now?: Date;
}

/** Gives a repository a new key pair and re-seals all its secrets to it; returns the new private key. */
export async function rotateRepoKey(request: RotateRequest) {
  const repo = normalizeRepo(request.repo);
  const { hub, unrecorded } = await resolveVaultHub(request.dir, request.hub);
  const current = await requireRecipientKey(request.dir, repo);
  const trusted = await readTrustedSealers(request.dir);
  const files = (await readSecretFiles(request.dir)).filter(
    (f) => secretFromPath(f.path)?.repo === repo,
  );
  const signer = resolveSigner(request.signingKey, trusted);
  let oldKey: RepoPrivateKey | undefined;
  try {
    oldKey = parsePrivateKey(request.oldPrivateKey);
    checkCurrent(oldKey, current, repo);
    const { recipient, privateKey } = generateRepoKey(repo);
    const rewrapped = rewrapSecrets(files, {
      hub,
      repo,
      oldKey,
      newKey: recipient,
      signer,
      trustedSealers: trusted,
      now: request.now,
    });
    for (const file of rewrapped) await writeAtomic(path.join(request.dir, file.path), file.text);
    const keyFile = await writeRecipientKey(request.dir, recipient);
    const configFile = unrecorded ? await recordVaultHub(request.dir, hub) : null;
    return {
      hub,
      configFile,
      keyFile,
      oldKeyId: current.keyId,
      keyId: recipient.keyId,
      privateKey,
      files: rewrapped.map((f) => f.path),
    };
  } finally {
    oldKey?.dispose();
    signer?.dispose();
  }
}

function checkCurrent(oldKey: RepoPrivateKey, current: RecipientKey, repo: string): void {
  if (oldKey.keyId === current.keyId) return;
  throw new VaultError(
    "VAULT_NOT_RECIPIENT",
    `HAVUN_VAULT_KEY holds key ${oldKey.keyId} (of ${oldKey.repo}), but ${repo}'s current key is ${current.keyId}`,
    `set HAVUN_VAULT_KEY to ${repo}'s current private key; rotation needs it to re-wrap the secrets`,
  );
}
