import { createPublicKey, randomBytes, verify } from "node:crypto";
import type { SandboxCore } from "../core.ts";
import { GitHubError } from "../http/github-error.ts";
import type { AppRecord, Permissions, TokenRecord } from "../state/types.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A token in GitHub's format: `ghp_` user, `ghs_` installation/workflow, 36 random characters. */
export function newTokenValue(prefix: "ghp" | "ghs"): string {
  const bytes = randomBytes(36);
  return `${prefix}_${[...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("")}`;
}

export function issueToken(
  core: SandboxCore,
  record: Omit<TokenRecord, "token" | "createdAt">,
): TokenRecord {
  const token: TokenRecord = {
    ...record,
    token: newTokenValue(record.kind === "user" ? "ghp" : "ghs"),
    createdAt: core.store.now(),
  };
  core.store.state.tokens.push(token);
  core.store.changed();
  return token;
}

export type Credentials =
  { kind: "token"; token: TokenRecord } | { kind: "jwt"; app: AppRecord } | { kind: "anonymous" };

const BAD = () => new GitHubError(401, "Bad credentials");

/** Reads `Authorization` (token, Bearer, Basic) into credentials; 401 like GitHub when bad. */
export function authenticate(core: SandboxCore, header: string | undefined): Credentials {
  if (!header) return { kind: "anonymous" };
  const [scheme = "", value = ""] = header.trim().split(/\s+/, 2);
  let secret = value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, "base64").toString();
    secret = decoded.slice(decoded.indexOf(":") + 1);
  } else if (!/^(token|bearer)$/i.test(scheme)) {
    throw BAD();
  }
  if (secret.split(".").length === 3 && secret.startsWith("eyJ")) {
    return { kind: "jwt", app: verifyAppJwt(core, secret) };
  }
  const token = core.store.state.tokens.find((t) => t.token === secret);
  if (!token) throw BAD();
  if (token.expiresAt && token.expiresAt < new Date().toISOString()) throw BAD();
  return { kind: "token", token };
}

function decodePart(part: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString()) as Record<string, unknown>;
  } catch {
    throw new GitHubError(401, "A JSON web token could not be decoded");
  }
}

/** Verifies an App JWT (RS256, iss = App id or client id, at most 10 minutes long). */
export function verifyAppJwt(core: SandboxCore, jwt: string): AppRecord {
  const [h = "", p = "", s = ""] = jwt.split(".");
  const header = decodePart(h);
  const payload = decodePart(p);
  if (header.alg !== "RS256") throw new GitHubError(401, "A JSON web token could not be decoded");
  const iss = String(payload.iss ?? "");
  const app = core.store.state.apps.find((a) => String(a.id) === iss || a.clientId === iss);
  if (!app) throw new GitHubError(401, "Integration not found");
  const ok = verify(
    "RSA-SHA256",
    Buffer.from(`${h}.${p}`),
    createPublicKey(app.privateKeyPem),
    Buffer.from(s, "base64url"),
  );
  if (!ok) throw new GitHubError(401, "A JSON web token could not be decoded");
  const now = Math.floor(Date.now() / 1000);
  const exp = Number(payload.exp);
  const iat = Number(payload.iat);
  if (!Number.isFinite(exp) || exp < now) {
    throw new GitHubError(
      401,
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    );
  }
  if (!Number.isFinite(iat) || iat > now + 60 || exp - iat > 600) {
    throw new GitHubError(401, "'Expiration time' claim ('exp') is too far in the future");
  }
  return app;
}

/** Narrows requested permissions to what the installation has; 422 when asking for more. */
export function narrowPermissions(
  granted: Permissions,
  requested: Permissions | undefined,
): Permissions {
  if (!requested) return { ...granted };
  const rank = { read: 1, write: 2, admin: 3 } as const;
  const out: Permissions = {};
  for (const [name, level] of Object.entries(requested)) {
    const have = granted[name];
    if (!have || rank[have] < rank[level]) {
      throw new GitHubError(422, `The permissions requested are not granted to this installation.`);
    }
    out[name] = level;
  }
  return out;
}
