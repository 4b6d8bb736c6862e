import sodium from "sodium-native";
import { z } from "zod";
import { decodeBase64 } from "./base64.ts";
import { VaultError } from "./errors.ts";
import { KEY_ID, keyIdOf } from "./key-id.ts";
import type { SealedFile } from "./sealed-file.ts";

/** A person or machine trusted to seal: their Ed25519 public key (base64) and its id. */
export interface TrustedSealer {
  name: string;
  keyId: string;
  publicKey: string;
}

export const SEALERS_FORMAT = "havun-vault-sealers/v1";

const SEALER_NAME = /^[\w.@ -]{1,64}$/;

const sealer = z
  .strictObject({
    name: z.string().regex(SEALER_NAME, "must be 1-64 letters, digits, _ . @ - or spaces"),
    keyId: z.string().regex(KEY_ID),
    publicKey: z.string().refine((t) => decodeBase64(t)?.length === 32, "must be an Ed25519 key"),
  })
  .refine((s) => keyIdOf(Buffer.from(s.publicKey, "base64"), "sealer") === s.keyId, {
    message: "keyId does not match publicKey",
  });

const schema = z.strictObject({ format: z.literal(SEALERS_FORMAT), sealers: z.array(sealer) });

export function trustedSealer(name: string, publicKey: string): TrustedSealer {
  if (!SEALER_NAME.test(name)) {
    throw new VaultError(
      "VAULT_INVALID_NAME",
      `invalid sealer name ${JSON.stringify(name)}`,
      "use 1-64 letters, digits, _ . @ - or spaces, e.g. alice@acme",
    );
  }
  const key = decodeBase64(publicKey);
  if (key?.length !== sodium.crypto_sign_PUBLICKEYBYTES) {
    throw new VaultError(
      "VAULT_KEY_INVALID",
      `sealer ${name}: not a base64 Ed25519 public key`,
      "use the public key printed by `havun vault signer-keygen`",
    );
  }
  return { name, keyId: keyIdOf(key, "sealer"), publicKey };
}

export function parseSealersFile(text: string, file = "sealers.json"): TrustedSealer[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw sealersError(file, `not valid JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw sealersError(file, `${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  return parsed.data.sealers;
}

export function serializeSealersFile(sealers: TrustedSealer[]): string {
  const list = sealers.map((s) => ({ name: s.name, keyId: s.keyId, publicKey: s.publicKey }));
  return JSON.stringify({ format: SEALERS_FORMAT, sealers: list }, null, 2) + "\n";
}

/**
 * With a list of trusted sealers, a file must carry a signature by one of them. Without a list
 * (undefined) any intact file passes. Integrity of the signature is checked separately.
 */
export function checkSealerTrusted(file: SealedFile, trusted: TrustedSealer[] | undefined): void {
  if (trusted === undefined) return;
  const ids = trusted.map((s) => s.keyId).join(", ") || "none";
  if (file.signature === null) {
    throw new VaultError(
      "VAULT_UNTRUSTED_SIGNER",
      `unsigned, but trusted sealers are listed (key ids: ${ids})`,
      "re-seal with HAVUN_VAULT_SIGNING_KEY set to a listed sealer's key",
    );
  }
  const { keyId, publicKey } = file.signature;
  if (!trusted.some((s) => s.keyId === keyId && s.publicKey === publicKey)) {
    throw new VaultError(
      "VAULT_UNTRUSTED_SIGNER",
      `signed by sealer ${keyId}, who is not trusted (trusted key ids: ${ids})`,
      "re-seal with a listed sealer's key, or add this sealer to sealers.json through a reviewed change",
    );
  }
}

function sealersError(file: string, detail: string): VaultError {
  return new VaultError(
    "VAULT_MALFORMED",
    `${file}: ${detail}`,
    "fix the sealers list; `havun vault signer-keygen` prints an entry to add",
  );
}
