import sodium from "sodium-native";
import { decodeBase64, encodeBase64 } from "./base64.ts";
import { VaultError } from "./errors.ts";
import { keyIdOf } from "./key-id.ts";
import { normalizeRepo } from "./names.ts";
import { secureAlloc, secureTake, wipe } from "./secure.ts";

/** The public half of a repository's key: what seals are made for. */
export interface RecipientKey {
  repo: string;
  keyId: string;
  publicKey: Buffer;
}

/** The private half, held in guarded memory; call `dispose()` when done. */
export interface RepoPrivateKey extends RecipientKey {
  secretKey: Buffer;
  dispose(): void;
}

const PREFIX = "havun-vault-key/v1";
const PRIVATE_KEY = /^havun-vault-key\/v1:([^:\s]+):([A-Za-z0-9+/=]+)$/;

export function recipientKey(repo: string, publicKey: Buffer): RecipientKey {
  return { repo: normalizeRepo(repo), keyId: keyIdOf(publicKey, "recipient"), publicKey };
}

/** A fresh X25519 key pair for `repo`; the private key comes back as its one-line text form. */
export function generateRepoKey(repo: string): { recipient: RecipientKey; privateKey: string } {
  const normalized = normalizeRepo(repo);
  const publicKey = Buffer.alloc(sodium.crypto_box_PUBLICKEYBYTES);
  const secretKey = secureAlloc(sodium.crypto_box_SECRETKEYBYTES);
  try {
    sodium.crypto_box_keypair(publicKey, secretKey);
    const privateKey = `${PREFIX}:${normalized}:${encodeBase64(secretKey)}`;
    return { recipient: recipientKey(normalized, publicKey), privateKey };
  } finally {
    wipe(secretKey);
  }
}

/** Reads the one-line private key (`havun-vault-key/v1:owner/name:BASE64`). */
export function parsePrivateKey(text: string): RepoPrivateKey {
  const match = PRIVATE_KEY.exec(text.trim());
  const raw = match?.[2] === undefined ? undefined : decodeBase64(match[2]);
  if (match?.[1] === undefined || raw === undefined || raw.length !== 32) {
    wipe(raw);
    throw new VaultError(
      "VAULT_KEY_INVALID",
      "the private key is not a havun vault key",
      "set HAVUN_VAULT_KEY to the single line printed by `havun vault keygen` or `havun vault rotate`",
    );
  }
  const repo = normalizeRepo(match[1]);
  const secretKey = secureTake(raw);
  const publicKey = Buffer.alloc(sodium.crypto_box_PUBLICKEYBYTES);
  sodium.crypto_scalarmult_base(publicKey, secretKey);
  return {
    ...recipientKey(repo, publicKey),
    secretKey,
    dispose: () => wipe(secretKey),
  };
}
