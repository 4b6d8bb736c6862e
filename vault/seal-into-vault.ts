import path from "node:path";
import { VaultError, isVaultError } from "./errors.ts";
import { secretPath } from "./layout.ts";
import { normalizeRepo, validateSecretName } from "./names.ts";
import { sealSecret } from "./seal.ts";
import { parseSealedFile, serializeSealedFile } from "./sealed-file.ts";
import { resolveSigner } from "./signing-policy.ts";
import { recordVaultHub, resolveVaultHub } from "./vault-config.ts";
import {
  readSecretFile,
  readTrustedSealers,
  requireRecipientKey,
  writeAtomic,
  type VaultFile,
} from "./vault-dir.ts";

export interface SealIntoVaultRequest {
  dir: string;
  /**
   * The hub (owner/name) whose vault/ `dir` is. Optional when the vault's vault.json names it
   * (then it must agree); when the vault has no vault.json yet, it is required and recorded there.
   */
  hub?: string | undefined;
  repo: string;
  name: string;
  /** The plaintext (the caller wipes it). */
  value: Buffer;
  expires: string | null;
  /** HAVUN_VAULT_SIGNING_KEY, when set. */
  signingKey?: string | undefined;
  now?: Date;
}

export interface SealIntoVaultResult {
  file: string;
  version: number;
  keyId: string;
  signedBy: string | null;
  /** The hub the file is bound to. */
  hub: string;
  /** The path of vault.json when this seal created it (commit it too). */
  configFile: string | null;
}

/**
 * Seals a value for a repository into the hub's vault (format v2, bound to the hub); re-sealing
 * a name bumps its version.
 */
export async function sealIntoVault(request: SealIntoVaultRequest): Promise<SealIntoVaultResult> {
  const repo = normalizeRepo(request.repo);
  const name = validateSecretName(request.name);
  const { hub, unrecorded } = await resolveVaultHub(request.dir, request.hub);
  const recipient = await requireRecipientKey(request.dir, repo);
  const previous = await readSecretFile(request.dir, repo, name);
  const version = previous === undefined ? 1 : versionOf(previous) + 1;
  const signer = resolveSigner(request.signingKey, await readTrustedSealers(request.dir));
  try {
    const sealed = sealSecret({
      hub,
      name,
      repo,
      value: request.value,
      version,
      expires: request.expires,
      recipients: [recipient],
      signer,
      now: request.now,
    });
    const file = path.join(request.dir, secretPath(repo, name));
    await writeAtomic(file, serializeSealedFile(sealed));
    const configFile = unrecorded ? await recordVaultHub(request.dir, hub) : null;
    return {
      file,
      version,
      keyId: recipient.keyId,
      signedBy: signer?.keyId ?? null,
      hub,
      configFile,
    };
  } finally {
    signer?.dispose();
  }
}

function versionOf(previous: VaultFile): number {
  try {
    return parseSealedFile(previous.text).version;
  } catch (err) {
    if (!isVaultError(err)) throw err;
    throw new VaultError(
      err.code,
      `${previous.path}: ${err.message}`,
      "the existing file is unreadable, so its version is unknown; `havun vault delete` it, then seal again",
      previous.path,
    );
  }
}
