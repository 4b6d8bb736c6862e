import sodium from "sodium-native";

/** What a key is for; part of the hash so a box key and a signing key never share an id. */
export type KeyKind = "recipient" | "sealer";

/** A short, stable id of a public key: 16 hex digits of BLAKE2b over a domain tag and the key. */
export function keyIdOf(publicKey: Buffer, kind: KeyKind): string {
  const hash = Buffer.alloc(16);
  sodium.crypto_generichash(hash, Buffer.concat([Buffer.from(`havun-vault/${kind}\n`), publicKey]));
  return hash.subarray(0, 8).toString("hex");
}

export const KEY_ID = /^[0-9a-f]{16}$/;
