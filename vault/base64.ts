/** Strict base64 (standard alphabet, padded): decoding then encoding must give the same text. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes canonical base64, or returns undefined for anything else (including padding bits that
 * are not zero, which a lenient decoder would ignore). Decodes once, so a secret leaves one copy.
 */
export function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64");
  if (bytes.toString("base64") === text) return bytes;
  bytes.fill(0);
  return undefined;
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}
