import sodium from "sodium-native";
import { associatedData } from "./associated-data.ts";
import { VaultError } from "./errors.ts";
import { expiredError, isExpired } from "./expiry.ts";
import { checkHubBinding } from "./hub-binding.ts";
import { normalizeHub, normalizeRepo } from "./names.ts";
import type { RepoPrivateKey } from "./repo-key.ts";
import { PAD_BLOCK, parseSealedFile, type SealedFile } from "./sealed-file.ts";
import { checkSealerTrusted, type TrustedSealer } from "./sealers-file.ts";
import { secureAlloc, wipe } from "./secure.ts";
import { checkSignatureIntact } from "./signer.ts";

export interface OpenRequest {
  /**
   * The hub the file was read from (owner/name, any case): a file sealed for another hub is
   * refused (VAULT_WRONG_HUB). Give the repository the file was actually fetched from, never a
   * claim made inside the vault.
   */
  hub: string;
  /** The repository whose run is opening the secret (owner/name, any case). */
  repo: string;
  /** The secret's expected name; when given, a file carrying another name is refused. */
  name?: string;
  key: RepoPrivateKey;
  now?: Date;
  /** When given, the file must be signed by one of these sealers. */
  trustedSealers?: TrustedSealer[] | undefined;
  /** Only for rotation: re-wrap expired secrets too, so the old key opens none of them. */
  allowExpired?: boolean;
  /**
   * Only for rotation, which re-seals a v1 file (bound to no hub) as v2 in the hub being
   * rotated. Everywhere else a v1 file is refused (VAULT_LEGACY_FORMAT).
   */
  allowLegacy?: boolean;
}

/** Parses and opens a sealed file; see `openSealedFile`. */
export function openSealedText(text: string | Uint8Array, request: OpenRequest): Buffer {
  return openSealedFile(parseSealedFile(text), request);
}

/**
 * Opens a parsed sealed file after every check: bound to this hub, signature intact and
 * trusted, repository and name as expected, the key a recipient, the ciphertext authentic for
 * this header, not expired.
 * Returns the value in guarded memory; the caller wipes it.
 */
export function openSealedFile(file: SealedFile, request: OpenRequest): Buffer {
  checkHubBinding(file, normalizeHub(request.hub), request.allowLegacy);
  checkSignatureIntact(file);
  checkSealerTrusted(file, request.trustedSealers);
  checkTarget(file, request);
  const recipient = findRecipient(file, request.key);
  const dataKey = secureAlloc(sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  const ciphertext = Buffer.from(file.ciphertext, "base64");
  const padded = secureAlloc(ciphertext.length - sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES);
  try {
    const wrapped = Buffer.from(recipient.wrappedKey, "base64");
    if (
      !sodium.crypto_box_seal_open(dataKey, wrapped, request.key.publicKey, request.key.secretKey)
    ) {
      throw tampered(`the wrapped data key for key ${recipient.keyId} does not open`);
    }
    try {
      sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        padded,
        null,
        ciphertext,
        associatedData(file),
        Buffer.from(file.nonce, "base64"),
        dataKey,
      );
    } catch {
      throw tampered(
        "the ciphertext does not match its header (hub, name, repository, version, expiry or keys)",
      );
    }
    const length = unpad(padded);
    if (!request.allowExpired && isExpired(file.expires, request.now ?? new Date())) {
      throw expiredError(file.expires!);
    }
    return padded.subarray(0, length);
  } catch (err) {
    wipe(padded);
    throw err;
  } finally {
    wipe(dataKey);
  }
}

function checkTarget(file: SealedFile, request: OpenRequest): void {
  const repo = normalizeRepo(request.repo);
  if (file.repo !== repo) {
    throw new VaultError(
      "VAULT_WRONG_REPO",
      `sealed for ${file.repo}, not for ${repo}`,
      `a secret opens only in the repository it was sealed for; seal it for ${repo}`,
    );
  }
  if (request.name !== undefined && file.name !== request.name) {
    throw new VaultError(
      "VAULT_WRONG_NAME",
      `the file holds secret ${file.name}, not ${request.name}`,
      "a sealed file cannot be renamed; seal the value under the new name",
    );
  }
}

function findRecipient(file: SealedFile, key: RepoPrivateKey) {
  const found = file.recipients.find((r) => r.keyId === key.keyId);
  if (found !== undefined) return found;
  const expected = file.recipients.map((r) => r.keyId).join(", ");
  throw new VaultError(
    "VAULT_NOT_RECIPIENT",
    `key ${key.keyId} (of ${key.repo}) is not a recipient; expected key id ${expected}`,
    `use ${file.repo}'s current private key in HAVUN_VAULT_KEY; if its key was rotated, ` +
      "the secret must be re-sealed or rotated to the new key",
  );
}

function unpad(padded: Buffer): number {
  try {
    return sodium.sodium_unpad(padded, padded.length, PAD_BLOCK);
  } catch {
    throw tampered("the padding is invalid");
  }
}

function tampered(detail: string): VaultError {
  return new VaultError(
    "VAULT_TAMPERED",
    `refused: ${detail}; the file was changed after sealing`,
    "restore it from git history or seal the secret again",
  );
}
