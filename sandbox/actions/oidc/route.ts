import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxCore } from "../../core.ts";
import { ISSUER_PATH, mintIdToken, oidcIssuer, REQUEST_PATH } from "./grants.ts";
import { signingKey } from "./keys.ts";

const CLAIMS = [
  "sub",
  "aud",
  "exp",
  "iat",
  "iss",
  "jti",
  "nbf",
  "ref",
  "sha",
  "repository",
  "repository_id",
  "repository_owner",
  "repository_owner_id",
  "run_id",
  "run_number",
  "run_attempt",
  "actor",
  "actor_id",
  "workflow",
  "workflow_ref",
  "workflow_sha",
  "head_ref",
  "base_ref",
  "event_name",
  "ref_type",
  "ref_protected",
  "environment",
  "job_workflow_ref",
  "job_workflow_sha",
  "repository_visibility",
  "runner_environment",
];

/** The OpenID discovery document of the sandbox's token issuer. */
export function openidConfiguration(core: SandboxCore): Record<string, unknown> {
  const issuer = oidcIssuer(core);
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks`,
    subject_types_supported: ["public", "pairwise"],
    response_types_supported: ["id_token"],
    claims_supported: CLAIMS,
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid"],
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
    })
    .end(text);
}

function bearer(req: IncomingMessage): string {
  const m = /^bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? "").trim());
  return m?.[1] ?? "";
}

/**
 * The issuer's discovery document and keys, and the ID token request a job makes
 * (`GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=…` with its bearer token → `{ value }`).
 */
export function oidcRoute(core: SandboxCore) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(`${ISSUER_PATH}/`)) return false;
    if (req.method !== "GET") {
      json(res, 405, { message: "Method Not Allowed" });
      return true;
    }
    if (url.pathname === `${ISSUER_PATH}/.well-known/openid-configuration`) {
      json(res, 200, openidConfiguration(core));
    } else if (url.pathname === `${ISSUER_PATH}/.well-known/jwks`) {
      json(res, 200, { keys: [signingKey(core).jwk] });
    } else if (url.pathname === REQUEST_PATH) {
      const value = mintIdToken(core, bearer(req), url.searchParams.get("audience") || null);
      if (value) json(res, 200, { value });
      else
        json(res, 401, {
          message:
            "The request token is not valid: it belongs to no running job with id-token: write.",
        });
    } else json(res, 404, { message: "Not Found" });
    return true;
  };
}
