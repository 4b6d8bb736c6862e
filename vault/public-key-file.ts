import sodium from "sodium-native";
import { z } from "zod";
import { decodeBase64, encodeBase64 } from "./base64.ts";
import { VaultError } from "./errors.ts";
import { KEY_ID, keyIdOf } from "./key-id.ts";
import { isNormalizedRepo } from "./names.ts";
import type { RecipientKey } from "./repo-key.ts";

export const PUBLIC_KEY_FORMAT = "havun-vault-public-key/v1";

const schema = z
  .strictObject({
    format: z.literal(PUBLIC_KEY_FORMAT),
    repo: z.string().refine(isNormalizedRepo, "must be a lower-case owner/name"),
    keyId: z.string().regex(KEY_ID),
    publicKey: z
      .string()
      .refine(
        (t) => decodeBase64(t)?.length === sodium.crypto_box_PUBLICKEYBYTES,
        "must be an X25519 key",
      ),
  })
  .refine((k) => keyIdOf(Buffer.from(k.publicKey, "base64"), "recipient") === k.keyId, {
    message: "keyId does not match publicKey",
  });

/** A repository's public key file: the key every secret for it is sealed to. */
export function serializePublicKeyFile(key: RecipientKey): string {
  const file = {
    format: PUBLIC_KEY_FORMAT,
    repo: key.repo,
    keyId: key.keyId,
    publicKey: encodeBase64(key.publicKey),
  };
  return JSON.stringify(file, null, 2) + "\n";
}

export function parsePublicKeyFile(text: string, file: string): RecipientKey {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw keyFileError(file, `not valid JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw keyFileError(file, `${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  const { repo, keyId, publicKey } = parsed.data;
  return { repo, keyId, publicKey: Buffer.from(publicKey, "base64") };
}

function keyFileError(file: string, detail: string): VaultError {
  return new VaultError(
    "VAULT_MALFORMED",
    `${file}: ${detail}`,
    "restore the key file from git history, or make a new key with `havun vault rotate`",
    file,
  );
}
