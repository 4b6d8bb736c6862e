import sodium from "sodium-native";
import { z } from "zod";
import { decodeBase64 } from "./base64.ts";
import { VaultError } from "./errors.ts";
import { isExpiryDate } from "./expiry.ts";
import { KEY_ID } from "./key-id.ts";
import { isNormalizedRepo, isSecretName } from "./names.ts";

/** The format havun writes: version 2, bound to its hub as well as to its name and repository. */
export const SEALED_FORMAT = "havun-vault-sealed/v2";
/**
 * Version 1, bound to no hub. It still parses (for `list`, `log`, `verify` and `rotate`, which
 * re-seals it as v2), but opening it for a run is refused.
 */
export const LEGACY_SEALED_FORMAT = "havun-vault-sealed/v1";
const FORMATS: readonly string[] = [SEALED_FORMAT, LEGACY_SEALED_FORMAT];
/** Plaintext is padded to a multiple of this many bytes so the file shows only a length range. */
export const PAD_BLOCK = 32;

const WRAPPED_KEY_BYTES =
  sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES + sodium.crypto_box_SEALBYTES;
const NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
const TAG_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES;

const base64 = (check: (length: number) => boolean, what: string) =>
  z.string().refine((text) => {
    const bytes = decodeBase64(text);
    return bytes !== undefined && check(bytes.length);
  }, `must be canonical base64 of ${what}`);

const keyId = z.string().regex(KEY_ID, "must be 16 lower-case hex digits");

const recipient = z.strictObject({
  keyId,
  wrappedKey: base64((n) => n === WRAPPED_KEY_BYTES, `${WRAPPED_KEY_BYTES} bytes`),
});

const signature = z.strictObject({
  keyId,
  publicKey: base64((n) => n === sodium.crypto_sign_PUBLICKEYBYTES, "an Ed25519 public key"),
  value: base64((n) => n === sodium.crypto_sign_BYTES, "an Ed25519 signature"),
});

const repoField = (what: string) =>
  z.string().refine(isNormalizedRepo, `must be a lower-case owner/name (${what})`);

const body = {
  name: z.string().refine(isSecretName, "must be a valid secret name"),
  repo: repoField("the target repository"),
  version: z.int().positive(),
  expires: z.string().refine(isExpiryDate, "must be a date YYYY-MM-DD").nullable(),
  recipients: z
    .array(recipient)
    .min(1)
    .refine((list) => list.every((r, i) => i === 0 || list[i - 1]!.keyId < r.keyId), {
      message: "must be sorted by keyId without repeats",
    }),
  nonce: base64((n) => n === NONCE_BYTES, `${NONCE_BYTES} bytes`),
  ciphertext: base64(
    (n) => n > TAG_BYTES && (n - TAG_BYTES) % PAD_BLOCK === 0,
    "a padded ciphertext",
  ),
  signature: signature.nullable(),
};

const v2 = z.strictObject({
  format: z.literal(SEALED_FORMAT),
  hub: repoField("the hub"),
  ...body,
});
const v1 = z.strictObject({ format: z.literal(LEGACY_SEALED_FORMAT), ...body });

export type SealedFileV2 = z.infer<typeof v2>;
export type SealedFileV1 = z.infer<typeof v1>;
export type SealedFile = SealedFileV2 | SealedFileV1;
export type SealedRecipient = SealedFile["recipients"][number];
export type SealedSignature = NonNullable<SealedFile["signature"]>;
type Unsealed<F> = F extends SealedFile ? Omit<F, "nonce" | "ciphertext" | "signature"> : never;
/** A sealed file's header: what is bound as associated data. */
export type SealedHeader = Unsealed<SealedFile>;

/** The hub a file is bound to, or null for a v1 file (bound to none). */
export function hubOf(file: SealedFile | SealedHeader): string | null {
  return file.format === SEALED_FORMAT ? file.hub : null;
}

/** The file's text: fixed key order, two-space indent, trailing newline — diffs stay stable. */
export function serializeSealedFile(file: SealedFile): string {
  const hub = hubOf(file);
  const ordered = {
    format: file.format,
    ...(hub === null ? {} : { hub }),
    name: file.name,
    repo: file.repo,
    version: file.version,
    expires: file.expires,
    recipients: file.recipients.map((r) => ({ keyId: r.keyId, wrappedKey: r.wrappedKey })),
    nonce: file.nonce,
    ciphertext: file.ciphertext,
    signature:
      file.signature === null
        ? null
        : {
            keyId: file.signature.keyId,
            publicKey: file.signature.publicKey,
            value: file.signature.value,
          },
  };
  return JSON.stringify(ordered, null, 2) + "\n";
}

/**
 * Parses a sealed file and insists it is exactly in canonical form, so no byte of it can change
 * unnoticed — not even whitespace or base64 padding bits, which the crypto would not see.
 */
export function parseSealedFile(input: string | Uint8Array): SealedFile {
  const text = typeof input === "string" ? input : decodeUtf8(input);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw malformed(`not valid JSON (${(err as Error).message})`);
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (typeof data !== "object" || data === null || !FORMATS.includes(format as string)) {
    throw new VaultError(
      "VAULT_UNKNOWN_FORMAT",
      `unknown sealed-file format ${JSON.stringify(format ?? null)}, expected ${SEALED_FORMAT}`,
      "upgrade havun if the file comes from a newer version; otherwise re-seal the secret",
    );
  }
  const parsed = (format === SEALED_FORMAT ? v2 : v1).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw malformed(`${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  if (serializeSealedFile(parsed.data) !== text) {
    throw new VaultError(
      "VAULT_TAMPERED",
      "the file is not in the form havun writes: it was edited after sealing",
      "restore it from git history or seal the secret again",
    );
  }
  return parsed.data;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw malformed("not UTF-8 text");
  }
}

function malformed(detail: string): VaultError {
  return new VaultError(
    "VAULT_MALFORMED",
    `malformed sealed file: ${detail}`,
    "restore it from git history or seal the secret again; `havun vault verify` lists every problem",
  );
}
