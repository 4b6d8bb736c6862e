import { createPrivateKey, sign } from "node:crypto";

/**
 * The JWT a GitHub App signs to call the API as itself: RS256, `iss` the App's client id (or
 * App id), issued 30 s in the past for clock drift and valid ten minutes from then.
 */
export function appJwt(issuer: string, privateKeyPem: string, now = Date.now()): string {
  let key;
  try {
    key = createPrivateKey(privateKeyPem.replace(/\\n/g, "\n"));
  } catch {
    throw new Error("The 'private-key' input is not a PEM-encoded private key (PKCS#1 or PKCS#8).");
  }
  const iat = Math.floor(now / 1000) - 30;
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const input = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat, exp: iat + 600, iss: issuer })}`;
  return `${input}.${sign("RSA-SHA256", Buffer.from(input), key).toString("base64url")}`;
}
