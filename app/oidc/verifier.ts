import { createPublicKey, verify, type JsonWebKey, type KeyObject } from "node:crypto";
import { decodeJwt, OidcError } from "./jwt.ts";

/** The claims of a GitHub Actions ID token that HavunCore reads. */
export interface ActionsClaims {
  iss: string;
  aud: string | string[];
  sub: string;
  exp: number;
  iat: number;
  repository: string;
  repository_owner: string;
  event_name: string;
  job_workflow_ref: string;
  run_id: string;
  run_attempt: string;
  actor: string;
  [claim: string]: unknown;
}

export interface OidcVerifierOptions {
  /** GitHub's is `https://token.actions.githubusercontent.com`; GHES and the sandbox serve `<server>/_services/token`. */
  issuer: string;
  /** The audience the App expects (the Action asks for this one). */
  audience: string;
  /** Seconds of clock difference tolerated (default 60). */
  leewaySeconds?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

const REQUIRED = ["repository", "repository_owner", "event_name", "job_workflow_ref", "run_id"];

/**
 * Verifies GitHub Actions OIDC ID tokens: RS256 signature with a key from the issuer's published
 * JWKS (found through its OpenID discovery document, cached, refreshed once when a token names
 * a key it does not know), issuer, audience, expiry and not-before. Anything else is refused
 * with a typed error that says why.
 */
export class OidcVerifier {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private readonly leeway: number;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly o: OidcVerifierOptions) {
    this.leeway = o.leewaySeconds ?? 60;
    this.now = o.now ?? (() => Date.now() / 1000);
    this.fetchImpl = o.fetch ?? fetch;
  }

  async verify(token: string): Promise<ActionsClaims> {
    const jwt = decodeJwt(token);
    if (jwt.header.alg !== "RS256")
      throw new OidcError(
        "OIDC_ALGORITHM",
        `the token is signed with ${String(jwt.header.alg)}, not RS256`,
      );
    const kid = jwt.header.kid;
    if (typeof kid !== "string")
      throw new OidcError("OIDC_MALFORMED", "the token names no key (kid)");
    const key = await this.key(kid);
    if (!verify("RSA-SHA256", Buffer.from(jwt.signingInput), key, jwt.signature))
      throw new OidcError("OIDC_SIGNATURE", "the token's signature does not verify");
    const c = jwt.claims;
    if (c.iss !== this.o.issuer)
      throw new OidcError(
        "OIDC_ISSUER",
        `the token was issued by ${String(c.iss)}, not ${this.o.issuer}`,
      );
    const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
    if (!aud.includes(this.o.audience))
      throw new OidcError(
        "OIDC_AUDIENCE",
        `the token is for ${aud.join(", ")}, not ${this.o.audience}`,
      );
    const now = this.now();
    if (typeof c.exp !== "number" || c.exp + this.leeway < now)
      throw new OidcError("OIDC_EXPIRED", "the token has expired");
    if (typeof c.nbf === "number" && c.nbf - this.leeway > now)
      throw new OidcError("OIDC_NOT_YET_VALID", "the token is not valid yet");
    for (const name of REQUIRED)
      if (typeof c[name] !== "string" || c[name] === "")
        throw new OidcError("OIDC_MALFORMED", `the token has no ${name} claim`);
    return c as ActionsClaims;
  }

  private async key(kid: string): Promise<KeyObject> {
    const known = this.keys.get(kid);
    if (known && this.now() - this.fetchedAt < 3600) return known;
    // At most one refresh a minute, so unknown kids cannot make the App hammer the issuer.
    if (!known && this.now() - this.fetchedAt < 60 && this.keys.size > 0)
      throw new OidcError("OIDC_UNKNOWN_KEY", `the issuer publishes no key ${kid}`);
    await this.refresh();
    const key = this.keys.get(kid);
    if (!key) throw new OidcError("OIDC_UNKNOWN_KEY", `the issuer publishes no key ${kid}`);
    return key;
  }

  private async refresh(): Promise<void> {
    const discovery = await this.getJson(
      `${this.o.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    );
    if (discovery.issuer !== this.o.issuer || typeof discovery.jwks_uri !== "string")
      throw new OidcError(
        "OIDC_DISCOVERY",
        `${this.o.issuer}'s discovery document names another issuer or no jwks_uri`,
      );
    const jwks = await this.getJson(discovery.jwks_uri);
    const keys = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(jwks.keys) ? (jwks.keys as JsonWebKey[]) : []) {
      if (jwk.kty !== "RSA" || typeof jwk.kid !== "string") continue;
      keys.set(jwk.kid, createPublicKey({ key: jwk, format: "jwk" }));
    }
    this.keys = keys;
    this.fetchedAt = this.now();
  }

  private async getJson(url: string): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await this.fetchImpl(url, { headers: { accept: "application/json" } });
    } catch (err) {
      throw new OidcError("OIDC_DISCOVERY", `cannot reach ${url}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new OidcError("OIDC_DISCOVERY", `${url} answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  }
}
