/** A compact JWS split into its parts, without trusting any of it yet. */
export interface DecodedJwt {
  header: { alg?: string; kid?: string; typ?: string };
  claims: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

export class OidcError extends Error {
  constructor(
    readonly code:
      | "OIDC_MALFORMED"
      | "OIDC_ALGORITHM"
      | "OIDC_UNKNOWN_KEY"
      | "OIDC_SIGNATURE"
      | "OIDC_ISSUER"
      | "OIDC_AUDIENCE"
      | "OIDC_EXPIRED"
      | "OIDC_NOT_YET_VALID"
      | "OIDC_DISCOVERY",
    message: string,
  ) {
    super(message);
    this.name = "OidcError";
  }
}

const PART = /^[A-Za-z0-9_-]+$/;

function json(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new OidcError("OIDC_MALFORMED", `the token's ${what} is not a JSON object`);
}

export function decodeJwt(token: string): DecodedJwt {
  if (token.length > 16_384) throw new OidcError("OIDC_MALFORMED", "the token is too long");
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((p) => PART.test(p)))
    throw new OidcError("OIDC_MALFORMED", "the token is not a compact JWS (three base64url parts)");
  const [h, c, s] = parts as [string, string, string];
  return {
    header: json(h, "header") as DecodedJwt["header"],
    claims: json(c, "claims"),
    signingInput: `${h}.${c}`,
    signature: Buffer.from(s, "base64url"),
  };
}
