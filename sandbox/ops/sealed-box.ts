import sodium from "sodium-native";
import { createHash } from "node:crypto";

/** A curve25519 key pair for Actions secrets, as GitHub hands out its public half. */
export interface SealKey {
  keyId: string;
  publicKey: string;
  secretKey: string;
}

/** A new key pair; its id is derived from the public key (a decimal string, as GitHub's are). */
export function newSealKey(): SealKey {
  const pk = Buffer.alloc(sodium.crypto_box_PUBLICKEYBYTES);
  const sk = Buffer.alloc(sodium.crypto_box_SECRETKEYBYTES);
  sodium.crypto_box_keypair(pk, sk);
  return {
    keyId: BigInt("0x" + createHash("sha256").update(pk).digest("hex").slice(0, 15)).toString(),
    publicKey: pk.toString("base64"),
    secretKey: sk.toString("base64"),
  };
}

/** `value` sealed to the key's public half (what a client does before `PUT …/secrets/{name}`). */
export function sealTo(key: Pick<SealKey, "publicKey">, value: string): string {
  const message = Buffer.from(value);
  const sealed = Buffer.alloc(message.length + sodium.crypto_box_SEALBYTES);
  sodium.crypto_box_seal(sealed, message, Buffer.from(key.publicKey, "base64"));
  return sealed.toString("base64");
}

/** Opens a base64 sealed box with the key pair; null when it was not sealed to it. */
export function openSealed(key: SealKey, encrypted: string): string | null {
  const sealed = Buffer.from(encrypted, "base64");
  if (sealed.length < sodium.crypto_box_SEALBYTES) return null;
  const out = Buffer.alloc(sealed.length - sodium.crypto_box_SEALBYTES);
  const ok = sodium.crypto_box_seal_open(
    out,
    sealed,
    Buffer.from(key.publicKey, "base64"),
    Buffer.from(key.secretKey, "base64"),
  );
  return ok ? out.toString() : null;
}
