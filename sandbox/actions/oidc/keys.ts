import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import type { SandboxCore } from "../../core.ts";

/** The key the sandbox signs ID tokens with, and its public half as a JWK. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: { kty: "RSA"; n: string; e: string; kid: string; alg: "RS256"; use: "sig" };
}

const keys = new WeakMap<SandboxCore, SigningKey>();

/** RFC 7638: the SHA-256 of the required members, in lexical order, as the key id. */
function thumbprint(e: string, n: string): string {
  const canonical = JSON.stringify({ e, kty: "RSA", n });
  return createHash("sha256").update(canonical).digest("base64url");
}

/** One RSA key per sandbox, made when the first ID token is asked for. */
export function signingKey(core: SandboxCore): SigningKey {
  let key = keys.get(core);
  if (!key) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pub = publicKey.export({ format: "jwk" });
    const n = String(pub.n);
    const e = String(pub.e);
    const kid = thumbprint(e, n);
    key = { kid, privateKey, jwk: { kty: "RSA", n, e, kid, alg: "RS256", use: "sig" } };
    keys.set(core, key);
  }
  return key;
}

/** A compact JWS: RS256, with `typ` and `kid` in the header. */
export function signJwt(key: SigningKey, payload: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const input = `${part({ typ: "JWT", alg: "RS256", kid: key.kid })}.${part(payload)}`;
  const signature = sign("RSA-SHA256", Buffer.from(input), key.privateKey);
  return `${input}.${signature.toString("base64url")}`;
}
