import { createHmac } from "node:crypto";

/** The `X-Hub-Signature-256` value GitHub sends: HMAC-SHA256 of the exact body. */
export function signature256(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function signature1(secret: string, body: string): string {
  return `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`;
}
