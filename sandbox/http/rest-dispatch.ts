import type { IncomingMessage, ServerResponse } from "node:http";
import { Access } from "../auth/access.ts";
import { authenticate, type Credentials } from "../auth/tokens.ts";
import type { Actor, SandboxCore } from "../core.ts";
import type { Fault, FaultInjector } from "../limits/faults.ts";
import type { PrimaryRateLimit } from "../limits/primary-rate.ts";
import type { SecondaryRateLimit } from "../limits/secondary-rate.ts";
import type { HandlerTable, RestRequest } from "../rest/types.ts";
import type { TokenRecord } from "../state/types.ts";
import type { RouteTable } from "../validation/routes.ts";
import type { SpecValidator } from "../validation/validator.ts";
import { recordResponseViolation } from "../validation/violations.ts";
import { callerOf, type Caller } from "./caller.ts";
import { renameRedirect, repositoriesAlias } from "./repo-redirect.ts";
import { etagOf, matchesIfNoneMatch } from "./conditional.ts";
import { faultError } from "./fault-response.ts";
import { checkMediaType, mediaParam } from "./media-type.ts";
import { GitHubError } from "./github-error.ts";
import type { RequestLog } from "./request-log.ts";
import { errorBody, sendJson } from "./respond.ts";

export interface RestDeps {
  core: SandboxCore;
  routes: RouteTable;
  validator: SpecValidator;
  handlers: HandlerTable;
  log: RequestLog;
  rate: SecondaryRateLimit;
  /** The hourly budget per payer (`x-ratelimit-*`); a 304 is free. */
  primary: PrimaryRateLimit;
  faults: FaultInjector;
  testMode: boolean;
}

const ANONYMOUS: TokenRecord = {
  token: "",
  kind: "user",
  login: "",
  expiresAt: null,
  createdAt: "",
};

/** The caller as an Access (JWT callers get one that reaches no repository). */
export function accessFor(core: SandboxCore, creds: Credentials): Access {
  if (creds.kind === "token") {
    const t = creds.token;
    const account = core.store.account(t.login);
    const installation = core.store.state.installations.find((i) => i.id === t.installationId);
    // A workflow's GITHUB_TOKEN acts as github-actions[bot], for the GitHub Actions App.
    const actor: Actor = {
      accountId: account?.id ?? -1,
      via: t.kind,
      appId:
        t.kind === "installation"
          ? (installation?.appId ?? null)
          : t.kind === "workflow"
            ? (account?.appId ?? null)
            : null,
    };
    return new Access(core, t, actor);
  }
  const none: TokenRecord =
    creds.kind === "jwt"
      ? { ...ANONYMOUS, kind: "installation", permissions: {}, repositoryIds: [] }
      : ANONYMOUS;
  return new Access(core, none, { accountId: -1, via: "user", appId: null });
}

export function clientName(creds: Credentials): string {
  if (creds.kind === "jwt") return `app:${creds.app.slug}`;
  if (creds.kind === "anonymous") return "anonymous";
  return `${creds.token.kind}:${creds.token.login}`;
}

const CONTENT_CREATING = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/** One REST request: match → authenticate → validate → limit → handle → check the response. */
export async function dispatchRest(
  deps: RestDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  raw: Buffer,
): Promise<void> {
  const started = performance.now();
  const method = req.method ?? "GET";
  let route = "(unknown)";
  let client = "anonymous";
  let validationMs = 0;
  let status = 500;
  let body: unknown;
  let headers: Record<string, string> = {};
  let caller: Caller | null = null;
  let fault: Fault = null;
  try {
    // `/repositories/{id}/…` (where renamed repositories' redirects lead) is `/repos/{o}/{r}/…`.
    const alias = deps.routes.match(method, path) ? null : repositoriesAlias(deps.core, path);
    if (alias) path = alias;
    const match = deps.routes.match(method, path);
    if (!match) throw new GitHubError(404, "Not Found");
    route = match.op.path;
    const creds = authenticate(deps.core, header(req, "authorization"));
    caller = callerOf(deps.core, creds);
    client = caller.client;
    fault = deps.faults.decide(`${method} ${route}`);
    if (fault === "timeout") {
      await new Promise((r) => setTimeout(r, deps.faults.timeoutMs));
      req.socket.destroy();
      status = 0;
      return;
    }
    if (fault) throw faultError(fault);
    deps.primary.admit(caller);
    const search = query.toString() ? `?${query.toString()}` : "";
    const moved = renameRedirect(deps.core, accessFor(deps.core, creds), method, path, search);
    if (moved) {
      ({ status, headers, body } = moved);
      return;
    }
    const jwtRoute =
      route.startsWith("/app/") || route === "/app" || route.endsWith("/installation");
    if ((creds.kind === "jwt") !== jwtRoute && creds.kind !== "anonymous") {
      throw new GitHubError(
        401,
        jwtRoute ? "A JSON web token could not be decoded" : "Bad credentials",
      );
    }
    // The manifest conversion is the one write GitHub takes without credentials (the code is one).
    if (
      creds.kind === "anonymous" &&
      method !== "GET" &&
      match.op.operationId !== "apps/create-from-manifest"
    )
      throw new GitHubError(401, "Requires authentication");
    const v0 = performance.now();
    const params: Record<string, unknown> = { ...match.params };
    const q: Record<string, unknown> = Object.fromEntries(query.entries());
    const pathProblems = deps.validator.checkParameters(match.op, "path", params);
    if (pathProblems.length) throw new GitHubError(404, "Not Found");
    const problems = deps.validator.checkParameters(match.op, "query", q);
    let parsed: unknown = undefined;
    // Where GitHub takes a body that is not JSON (`text/plain` Markdown, an asset's bytes), the
    // handler gets it as it came: text, or a Buffer for `application/octet-stream`.
    const bodyType = match.op.requestBody?.mediaType ?? "application/json";
    const jsonBody = bodyType === "application/json" || bodyType.endsWith("+json");
    if (raw.length && !jsonBody)
      parsed = bodyType === "application/octet-stream" ? raw : raw.toString("utf8");
    else if (raw.length) {
      try {
        parsed = JSON.parse(raw.toString("utf8"));
      } catch {
        throw new GitHubError(400, "Problems parsing JSON");
      }
    }
    if (match.op.requestBody) {
      if (parsed === undefined && match.op.requestBody.required)
        problems.push("Request body is required.");
      else if (parsed !== undefined && jsonBody)
        problems.push(...deps.validator.checkBody(match.op, parsed));
    }
    validationMs += performance.now() - v0;
    if (problems.length) throw new GitHubError(422, `Invalid request.\n\n${problems.join("\n")}`);
    if (CONTENT_CREATING.has(method) && !route.endsWith("/access_tokens")) deps.rate.check(client);
    const handler = deps.handlers[match.op.operationId];
    if (!handler) {
      throw new GitHubError(
        501,
        `The HavunCore sandbox does not implement ${match.op.operationId} (${method} ${route}) yet.`,
      );
    }
    const media = mediaParam(header(req, "accept"));
    checkMediaType(match.op.operationId, media);
    const rest: RestRequest = {
      core: deps.core,
      access: accessFor(deps.core, creds),
      op: match.op,
      params,
      query: q,
      body: parsed ?? {},
      headers: req.headers,
      app: creds.kind === "jwt" ? creds.app : null,
      media,
    };
    const out = await handler(rest);
    status = out.status;
    body = out.body;
    headers = { ...out.headers };
    if (method === "GET" && status === 200 && body !== undefined) {
      headers.etag = etagOf(body, header(req, "accept") ?? "");
      if (matchesIfNoneMatch(header(req, "if-none-match"), headers.etag)) {
        status = 304;
        body = undefined;
        return;
      }
    }
    if (deps.testMode && typeof body !== "string") {
      const r0 = performance.now();
      const errors = deps.validator.checkResponse(match.op, status, body);
      validationMs += performance.now() - r0;
      if (errors.length) recordResponseViolation({ method, route, status, errors });
    }
  } catch (err) {
    if (!(err instanceof GitHubError)) {
      console.error(`sandbox: ${method} ${path} failed:`, err);
      err = new GitHubError(500, `Sandbox error: ${(err as Error).message}`);
    }
    const e = err as GitHubError;
    status = e.status;
    body = errorBody(e.status, e.message, e.errors);
    headers = { ...e.headers };
    if (e.status === 401) headers["www-authenticate"] = 'Bearer realm="GitHub"';
  } finally {
    if (status !== 0) {
      if (caller) Object.assign(headers, deps.primary.charge(caller, status));
      sendJson(res, status, status === 204 || status === 304 ? undefined : body, headers);
    }
    deps.log.add({
      method,
      route,
      client,
      status,
      ms: performance.now() - started,
      validationMs,
      ...(caller?.scoped ? { scoped: true } : {}),
      ...(caller?.workflow ? { workflow: caller.workflow } : {}),
      ...(fault ? { fault } : {}),
      ...(route === "(unknown)" ? { path } : {}),
    });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
