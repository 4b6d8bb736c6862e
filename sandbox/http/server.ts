import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { SandboxCore } from "../core.ts";
import { accessFor } from "./rest-dispatch.ts";
import { authenticate } from "../auth/tokens.ts";
import { callerOf, type Caller } from "./caller.ts";
import { faultError } from "./fault-response.ts";
import type { Fault } from "../limits/faults.ts";
import { serveGitRoute } from "./git-route.ts";
import { GitHubError } from "./github-error.ts";
import type { RequestLog } from "./request-log.ts";
import { errorBody, sendJson } from "./respond.ts";
import { dispatchRest, type RestDeps } from "./rest-dispatch.ts";
import type { Access } from "../auth/access.ts";

export type GraphqlEndpoint = (
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  access: Access,
) => Promise<{ status: number; body: unknown }>;

/** Extra handlers mounted beside GitHub's (the scripted model API lives here later). */
export type ExtraRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
) => Promise<boolean>;

export interface ServerDeps extends RestDeps {
  graphql: GraphqlEndpoint | null;
  extra: ExtraRoute[];
}

const MAX_REQUEST = 100 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST) {
        reject(new GitHubError(413, "Request body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const GIT_PATH =
  /^\/([^/]+)\/([^/]+?)(?:\.git)?(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.*))$/;

async function handle(
  deps: ServerDeps,
  log: RequestLog,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  const path = url.pathname;
  const git = GIT_PATH.exec(path);
  if (git) {
    await serveGitRoute(
      deps.core,
      log,
      req,
      res,
      {
        owner: git[1] ?? "",
        repo: git[2] ?? "",
        rest: git[3] ?? "",
        query: url.search.replace(/^\?/, ""),
      },
      deps.faults,
    );
    return;
  }
  const body = await readBody(req);
  for (const extra of deps.extra) if (await extra(req, res, url, body)) return;
  if (path === "/api/graphql" || path === "/api/v3/graphql") {
    await serveGraphql(deps, log, req, res, body);
    return;
  }
  if (path === "/api/v3" || path.startsWith("/api/v3/")) {
    await dispatchRest(deps, req, res, path.slice("/api/v3".length) || "/", url.searchParams, body);
    return;
  }
  sendJson(res, 404, errorBody(404, "Not Found"));
}

async function serveGraphql(
  deps: ServerDeps,
  log: RequestLog,
  req: IncomingMessage,
  res: ServerResponse,
  raw: Buffer,
): Promise<void> {
  const started = performance.now();
  let status = 200;
  let client = "anonymous";
  let caller: Caller | null = null;
  let operation: string | undefined;
  let fault: Fault = null;
  try {
    if (req.method !== "POST") throw new GitHubError(404, "Not Found");
    const creds = authenticate(deps.core, req.headers.authorization);
    if (creds.kind !== "token")
      throw new GitHubError(401, "This endpoint requires you to be authenticated.");
    caller = callerOf(deps.core, creds);
    client = caller.client;
    fault = deps.faults.decide("POST /graphql");
    if (fault === "timeout") {
      await new Promise((r) => setTimeout(r, deps.faults.timeoutMs));
      req.socket.destroy();
      status = 0;
      return;
    }
    if (fault) throw faultError(fault);
    if (!deps.graphql) throw new GitHubError(501, "GraphQL is not available in this sandbox build");
    let parsed: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      parsed = JSON.parse(raw.toString("utf8"));
    } catch {
      throw new GitHubError(400, "Problems parsing JSON");
    }
    if (typeof parsed.query !== "string")
      throw new GitHubError(400, "A query attribute must be specified and must be a string.");
    operation = operationOf(parsed.query, parsed.operationName);
    const result = await deps.graphql(
      {
        query: parsed.query,
        variables: (parsed.variables ?? undefined) as Record<string, unknown> | undefined,
        operationName: typeof parsed.operationName === "string" ? parsed.operationName : undefined,
      },
      accessFor(deps.core, creds),
    );
    status = result.status;
    sendJson(res, result.status, result.body);
  } catch (err) {
    const e = err instanceof GitHubError ? err : new GitHubError(500, (err as Error).message);
    status = e.status;
    sendJson(res, e.status, errorBody(e.status, e.message), e.headers);
  } finally {
    log.add({
      method: "POST",
      route: "/graphql",
      client,
      status,
      ms: performance.now() - started,
      validationMs: 0,
      ...(caller?.scoped ? { scoped: true } : {}),
      ...(caller?.workflow ? { workflow: caller.workflow } : {}),
      ...(operation ? { operation } : {}),
      ...(fault ? { fault } : {}),
    });
  }
}

/** `query Name`/`mutation Name`, else the operation type and its first field (`query repository`). */
function operationOf(query: string, operationName: unknown): string {
  if (typeof operationName === "string" && operationName) return operationName;
  const named = /\b(query|mutation)\s+([A-Za-z_]\w*)/.exec(query);
  if (named) return named[2]!;
  const anon = /^\s*(query|mutation)?[^{]*\{\s*(?:\w+\s*:\s*)?([A-Za-z_]\w*)/.exec(query);
  return `${anon?.[1] ?? "query"} ${anon?.[2] ?? "?"}`;
}

export function createSandboxServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handle(deps, deps.log, req, res).catch((err: unknown) => {
      const e =
        err instanceof GitHubError
          ? err
          : new GitHubError(500, String((err as Error)?.message ?? err));
      sendJson(res, e.status, errorBody(e.status, e.message));
    });
  });
}
