import { hubOf, type SealedHeader } from "./sealed-file.ts";

/**
 * What the ciphertext is bound to: format, hub (v2), name, target repository, version, expiry
 * and every recipient (key id and wrapped key). Changing any of them makes decryption fail.
 * A v1 file binds the same list without the hub; it is read only to re-seal it as v2.
 */
export function associatedData(file: SealedHeader): Buffer {
  const hub = hubOf(file);
  const bound = [
    file.format,
    ...(hub === null ? [] : [hub]),
    file.name,
    file.repo,
    file.version,
    file.expires,
    file.recipients.map((r) => [r.keyId, r.wrappedKey]),
  ];
  return Buffer.from(JSON.stringify(bound), "utf8");
}
