import { randomBytes } from "node:crypto";
import type { SandboxCore } from "../../core.ts";
import type { GraphScope, RunEnv } from "../runner/types.ts";
import { idTokenClaims } from "./claims.ts";
import { signingKey, signJwt } from "./keys.ts";

/** Where ID tokens are asked for, below the issuer (as on GitHub Enterprise Server's host). */
export const ISSUER_PATH = "/_services/token";
export const REQUEST_PATH = `${ISSUER_PATH}/idtoken`;

/** The issuer of the sandbox's ID tokens: `<serverUrl>/_services/token`. */
export function oidcIssuer(core: SandboxCore): string {
  return `${core.urls.server}${ISSUER_PATH}`;
}

/** What a job with `id-token: write` gets: the request URL and the bearer token for it. */
export interface IdTokenGrant {
  url: string;
  token: string;
}

type Mint = (audience: string | null) => string;
const grants = new WeakMap<SandboxCore, Map<string, Mint>>();

function table(core: SandboxCore): Map<string, Mint> {
  let t = grants.get(core);
  if (!t) grants.set(core, (t = new Map()));
  return t;
}

/** Lets one job ask for ID tokens until `revokeIdTokens`: the runner calls it when the job starts. */
export function grantIdTokens(
  core: SandboxCore,
  env: RunEnv,
  scope: GraphScope,
  environment: string | null = null,
): IdTokenGrant {
  const token = randomBytes(32).toString("base64url");
  table(core).set(token, (audience) =>
    signJwt(signingKey(core), idTokenClaims(env, scope, oidcIssuer(core), audience, environment)),
  );
  return { url: `${core.urls.server}${REQUEST_PATH}?api-version=2.0`, token };
}

/** The request token stops working when its job ends. */
export function revokeIdTokens(core: SandboxCore, token: string): void {
  table(core).delete(token);
}

/** A signed ID token for the job holding `token`; null when no running job holds it. */
export function mintIdToken(
  core: SandboxCore,
  token: string,
  audience: string | null,
): string | null {
  const mint = table(core).get(token);
  return mint ? mint(audience) : null;
}
