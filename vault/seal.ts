import sodium from "sodium-native";
import { associatedData } from "./associated-data.ts";
import { encodeBase64 } from "./base64.ts";
import { VaultError } from "./errors.ts";
import { isExpired, parseExpiryDate } from "./expiry.ts";
import { normalizeHub, normalizeRepo, validateSecretName } from "./names.ts";
import type { RecipientKey } from "./repo-key.ts";
import { PAD_BLOCK, SEALED_FORMAT, type SealedFile } from "./sealed-file.ts";
import { secureAlloc, wipe } from "./secure.ts";
import { signSealedFile, type SigningKey } from "./signer.ts";

export interface SealRequest {
  /** The hub repository whose vault/ will hold the file (owner/name); it is bound to it. */
  hub: string;
  name: string;
  repo: string;
  /** The plaintext; the caller keeps ownership (and wipes it). */
  value: Buffer;
  version: number;
  expires: string | null;
  /** Keys of the target repository; the data key is wrapped for each. */
  recipients: RecipientKey[];
  signer?: SigningKey | undefined;
  now?: Date;
  /** Only for rotation: keep an expiry date that has already passed. */
  keepPastExpiry?: boolean;
}

/**
 * Seals one secret (format v2): a fresh data key encrypts the padded value with
 * XChaCha20-Poly1305, bound to the file's header (hub, name, repository, version, expiry,
 * recipients) as associated data; the data key is wrapped for every recipient in a sealed box.
 */
export function sealSecret(request: SealRequest): SealedFile {
  const hub = normalizeHub(request.hub);
  const name = validateSecretName(request.name);
  const repo = normalizeRepo(request.repo);
  const expires = request.keepPastExpiry
    ? request.expires
    : checkExpiry(request.expires, request.now ?? new Date());
  if (request.value.length === 0) {
    throw new VaultError(
      "VAULT_EMPTY_VALUE",
      "refusing to seal an empty value",
      "pass the value on stdin",
    );
  }
  const recipients = checkRecipients(request.recipients, repo);
  const dataKey = secureAlloc(sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  const padded = secureAlloc((Math.floor(request.value.length / PAD_BLOCK) + 1) * PAD_BLOCK);
  try {
    sodium.crypto_aead_xchacha20poly1305_ietf_keygen(dataKey);
    const header = {
      format: SEALED_FORMAT,
      hub,
      name,
      repo,
      version: request.version,
      expires,
      recipients: recipients.map((r) => ({ keyId: r.keyId, wrappedKey: wrap(dataKey, r) })),
    } as const;
    request.value.copy(padded);
    sodium.sodium_pad(padded, request.value.length, PAD_BLOCK);
    const nonce = Buffer.alloc(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    sodium.randombytes_buf(nonce);
    const ciphertext = Buffer.alloc(
      padded.length + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES,
    );
    sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      ciphertext,
      padded,
      associatedData(header),
      null,
      nonce,
      dataKey,
    );
    const file: SealedFile = {
      ...header,
      recipients: [...header.recipients],
      nonce: encodeBase64(nonce),
      ciphertext: encodeBase64(ciphertext),
      signature: null,
    };
    return request.signer === undefined ? file : signSealedFile(file, request.signer);
  } finally {
    wipe(dataKey, padded);
  }
}

function wrap(dataKey: Buffer, recipient: RecipientKey): string {
  const boxed = Buffer.alloc(dataKey.length + sodium.crypto_box_SEALBYTES);
  sodium.crypto_box_seal(boxed, dataKey, recipient.publicKey);
  return encodeBase64(boxed);
}

function checkRecipients(recipients: RecipientKey[], repo: string): RecipientKey[] {
  const sorted = [...new Map(recipients.map((r) => [r.keyId, r])).values()].sort((a, b) =>
    a.keyId < b.keyId ? -1 : 1,
  );
  if (sorted.length === 0) {
    throw new VaultError(
      "VAULT_KEY_MISSING",
      `no public key to seal for ${repo}`,
      `create one with \`havun vault keygen --repo ${repo}\``,
    );
  }
  const stranger = sorted.find((r) => r.repo !== repo);
  if (stranger !== undefined) {
    throw new VaultError(
      "VAULT_WRONG_REPO",
      `key ${stranger.keyId} belongs to ${stranger.repo}, not ${repo}`,
      "seal only to the target repository's own keys",
    );
  }
  return sorted;
}

function checkExpiry(expires: string | null, now: Date): string | null {
  if (expires === null) return null;
  const date = parseExpiryDate(expires);
  if (isExpired(date, now)) {
    throw new VaultError(
      "VAULT_INVALID_DATE",
      `expiry date ${date} is already past`,
      "give a date from today on (the secret opens through the end of that day, UTC)",
    );
  }
  return date;
}
