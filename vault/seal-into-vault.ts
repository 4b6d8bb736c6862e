import path from "node:path";
import { VaultError, isVaultError } from "./errors.ts";
import { secretPath } from "./layout.ts";
import { normalizeRepo, validateSecretName } from "./names.ts";
import { sealSecret } from "./seal.ts";
import { parseSealedFile, serializeSealedFile } from "./sealed-file.ts";
import { resolveSigner } from "./signing-policy.ts";
import {
  readSecretFile,
  readTrustedSealers,
  requireRecipientKey,
  writeAtomic,
  type VaultFile,
} from "./vault-dir.ts";

export interface SealIntoVaultRequest {
  dir: string;
  repo: string;
  name: string;
  /** The plaintext (the caller wipes it). */
  value: Buffer;
  expires: string | null;
  /** HAVUN_VAULT_SIGNING_KEY, when set. */
  signingKey?: string | undefined;
  now?: Date;
}

/** Seals a value for a repository into the vault; re-sealing a name bumps its version. */
export async function sealIntoVault(
  request: SealIntoVaultRequest,
): Promise<{ file: string; version: number; keyId: string; signedBy: string | null }> {
  const repo = normalizeRepo(request.repo);
  const name = validateSecretName(request.name);
  const recipient = await requireRecipientKey(request.dir, repo);
  const previous = await readSecretFile(request.dir, repo, name);
  const version = previous === undefined ? 1 : versionOf(previous) + 1;
  const signer = resolveSigner(request.signingKey, await readTrustedSealers(request.dir));
  try {
    const sealed = sealSecret({
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
    return { file, version, keyId: recipient.keyId, signedBy: signer?.keyId ?? null };
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
