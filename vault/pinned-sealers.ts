import sodium from "sodium-native";
import { decodeBase64 } from "./base64.ts";
import { VaultError } from "./errors.ts";
import { KEY_ID, keyIdOf } from "./key-id.ts";
import type { TrustedSealer } from "./sealers-file.ts";

const HINT =
  "list each sealer as KEYID:PUBLICKEY (as `havun vault signer-keygen` prints it) or as its " +
  "base64 Ed25519 public key, separated by commas, spaces or new lines; # starts a comment";

/**
 * Sealers pinned by the opening side, given as text (an Action input, or env
 * HAVUN_VAULT_TRUSTED_SEALERS): entries separated by commas, spaces or new lines, each
 * `KEYID:PUBLICKEY` (the key id is checked against the key) or `PUBLICKEY` (base64 Ed25519);
 * `#` starts a comment to the end of the line. A key id alone is refused: 16 hex digits are too
 * few to pin a key. Returns undefined when the text lists nothing (then the hub's sealers.json
 * applies); entries are never echoed in errors, in case a secret key was pasted by mistake.
 */
export function parsePinnedSealers(text: string | undefined): TrustedSealer[] | undefined {
  if (text === undefined) return undefined;
  const entries = text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, ""))
    .join(",")
    .split(/[\s,]+/)
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  const pinned = new Map<string, TrustedSealer>();
  entries.forEach((entry, i) => {
    const sealer = parseEntry(entry, i + 1);
    if (!pinned.has(sealer.keyId)) pinned.set(sealer.keyId, sealer);
  });
  return [...pinned.values()];
}

function parseEntry(entry: string, n: number): TrustedSealer {
  const colon = entry.indexOf(":");
  const keyId = colon < 0 ? undefined : entry.slice(0, colon);
  const publicKey = colon < 0 ? entry : entry.slice(colon + 1);
  if (keyId === undefined && KEY_ID.test(entry)) {
    throw invalid(n, `is the key id ${entry} alone, which is too short to pin a sealer`);
  }
  if (keyId !== undefined && !KEY_ID.test(keyId)) {
    throw invalid(n, "has a key id before ':' that is not 16 lower-case hex digits");
  }
  const key = decodeBase64(publicKey);
  if (key?.length === sodium.crypto_sign_SECRETKEYBYTES) {
    key.fill(0);
    throw invalid(
      n,
      "looks like a signing SECRET key: never pin or share it; rotate it if exposed",
    );
  }
  if (key?.length !== sodium.crypto_sign_PUBLICKEYBYTES) {
    throw invalid(n, "is not a base64 Ed25519 public key (32 bytes)");
  }
  const actual = keyIdOf(key, "sealer");
  if (keyId !== undefined && keyId !== actual) {
    throw invalid(n, `names key id ${keyId}, but its public key's id is ${actual}`);
  }
  return { name: `pinned-${n}`, keyId: actual, publicKey };
}

function invalid(n: number, detail: string): VaultError {
  return new VaultError("VAULT_KEY_INVALID", `trusted sealers: entry ${n} ${detail}`, HINT);
}
