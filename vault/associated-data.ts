import type { SealedFile } from "./sealed-file.ts";

/**
 * What the ciphertext is bound to: format, name, target repository, version, expiry and every
 * recipient (key id and wrapped key). Changing any of them makes decryption fail.
 */
export function associatedData(
  file: Omit<SealedFile, "nonce" | "ciphertext" | "signature">,
): Buffer {
  const bound = [
    file.format,
    file.name,
    file.repo,
    file.version,
    file.expires,
    file.recipients.map((r) => [r.keyId, r.wrappedKey]),
  ];
  return Buffer.from(JSON.stringify(bound), "utf8");
}
