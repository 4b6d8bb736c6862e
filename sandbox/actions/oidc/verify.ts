import { createPublicKey, verify, type JsonWebKey } from "node:crypto";

export interface OidcKeys {
  configuration: { issuer: string; jwks_uri: string; [k: string]: unknown };
  keys: (JsonWebKey & { kid?: string })[];
}

/** Reads an issuer's discovery document and its JWKS over HTTP, as a relying party does. */
export async function fetchOidcKeys(issuer: string): Promise<OidcKeys> {
  const get = async (url: string) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const configuration = (await get(
    `${issuer}/.well-known/openid-configuration`,
  )) as OidcKeys["configuration"];
  const jwks = await get(configuration.jwks_uri);
  return { configuration, keys: (jwks.keys ?? []) as OidcKeys["keys"] };
}

const decode = (part: string) =>
  JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

/**
 * Checks an ID token as a server exchanging it would: RS256 signature by a key of the issuer's
 * JWKS (by `kid`), `iss`, `aud`, and `nbf`/`exp` against now. Returns the claims.
 */
export async function verifyOidcToken(
  jwt: string,
  expected: { issuer: string; audience: string },
  now = Math.floor(Date.now() / 1000),
): Promise<Record<string, unknown>> {
  const [h = "", p = "", s = ""] = jwt.split(".");
  const header = decode(h);
  const claims = decode(p);
  if (header.alg !== "RS256") throw new Error(`unexpected alg ${String(header.alg)}`);
  const { configuration, keys } = await fetchOidcKeys(expected.issuer);
  const jwk = keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new Error(`no key ${String(header.kid)} in ${configuration.jwks_uri}`);
  const key = createPublicKey({ key: jwk, format: "jwk" });
  if (!verify("RSA-SHA256", Buffer.from(`${h}.${p}`), key, Buffer.from(s, "base64url")))
    throw new Error("the signature does not verify");
  if (claims.iss !== expected.issuer) throw new Error(`iss is ${String(claims.iss)}`);
  if (claims.aud !== expected.audience) throw new Error(`aud is ${String(claims.aud)}`);
  if (Number(claims.nbf) > now) throw new Error("the token is not valid yet");
  if (Number(claims.exp) <= now) throw new Error("the token has expired");
  return claims;
}
