import sodium from "sodium-native";
import { decodeBase64, encodeBase64 } from "./base64.ts";
import { VaultError } from "./errors.ts";
import { keyIdOf } from "./key-id.ts";
import { serializeSealedFile, type SealedFile } from "./sealed-file.ts";
import { secureAlloc, secureTake, wipe } from "./secure.ts";

/** An Ed25519 key that signs sealed files; the secret half lives in guarded memory. */
export interface SigningKey {
  keyId: string;
  publicKey: Buffer;
  secretKey: Buffer;
  dispose(): void;
}

/** A fresh signer key pair: both halves as base64 (the secret one is HAVUN_VAULT_SIGNING_KEY). */
export function generateSigningKey(): { keyId: string; publicKey: string; secretKey: string } {
  const publicKey = Buffer.alloc(sodium.crypto_sign_PUBLICKEYBYTES);
  const secretKey = secureAlloc(sodium.crypto_sign_SECRETKEYBYTES);
  try {
    sodium.crypto_sign_keypair(publicKey, secretKey);
    return {
      keyId: keyIdOf(publicKey, "sealer"),
      publicKey: encodeBase64(publicKey),
      secretKey: encodeBase64(secretKey),
    };
  } finally {
    wipe(secretKey);
  }
}

/** Reads a signing key: base64 of the 64-byte Ed25519 secret key (or of its 32-byte seed). */
export function parseSigningKey(text: string): SigningKey {
  const raw = decodeBase64(text.trim());
  if (raw === undefined || (raw.length !== 64 && raw.length !== 32)) {
    wipe(raw);
    throw new VaultError(
      "VAULT_KEY_INVALID",
      "the signing key is not base64 of an Ed25519 secret key",
      "set HAVUN_VAULT_SIGNING_KEY to the secret key printed by `havun vault signer-keygen`",
    );
  }
  const input = secureTake(raw);
  const publicKey = Buffer.alloc(sodium.crypto_sign_PUBLICKEYBYTES);
  let secretKey = input;
  if (input.length === 32) {
    secretKey = secureAlloc(sodium.crypto_sign_SECRETKEYBYTES);
    sodium.crypto_sign_seed_keypair(publicKey, secretKey, input);
    wipe(input);
  } else {
    sodium.crypto_sign_ed25519_sk_to_pk(publicKey, secretKey);
  }
  return {
    keyId: keyIdOf(publicKey, "sealer"),
    publicKey,
    secretKey,
    dispose: () => wipe(secretKey),
  };
}

/** The bytes a signature covers: the whole file as written, with `signature: null`. */
function signedMessage(file: SealedFile): Buffer {
  const unsigned = serializeSealedFile({ ...file, signature: null });
  return Buffer.from(`havun-vault-signature/v1\n${unsigned}`, "utf8");
}

export function signSealedFile(file: SealedFile, key: SigningKey): SealedFile {
  const value = Buffer.alloc(sodium.crypto_sign_BYTES);
  sodium.crypto_sign_detached(value, signedMessage(file), key.secretKey);
  return {
    ...file,
    signature: {
      keyId: key.keyId,
      publicKey: encodeBase64(key.publicKey),
      value: encodeBase64(value),
    },
  };
}

/** Checks that a present signature is intact: its key id matches its key and it verifies. */
export function checkSignatureIntact(file: SealedFile): void {
  const sig = file.signature;
  if (sig === null) return;
  const publicKey = Buffer.from(sig.publicKey, "base64");
  const intact =
    keyIdOf(publicKey, "sealer") === sig.keyId &&
    sodium.crypto_sign_verify_detached(
      Buffer.from(sig.value, "base64"),
      signedMessage(file),
      publicKey,
    );
  if (!intact) {
    throw new VaultError(
      "VAULT_TAMPERED",
      `the signature by sealer ${sig.keyId} does not match the file: it was changed after signing`,
      "restore the file from git history or seal the secret again",
    );
  }
}
