import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { OidcError } from "../oidc/jwt.ts";
import type { ActionsClaims } from "../oidc/verifier.ts";
import { ApiError } from "./api-error.ts";
import type { ApiDeps } from "./api-deps.ts";
import { publishRoute } from "./publish-route.ts";
import { progressRequestSchema, publishRequestSchema, taskRequestSchema } from "./schemas.ts";
import { progressRoute, taskRoute } from "./task-route.ts";

export const API_PREFIX = "/api/havun/v1/";
const MAX_BODY = 256 * 1024;

type Handler = (
  deps: ApiDeps,
  claims: ActionsClaims,
  body: never,
  serverUrl: string,
) => Promise<unknown>;

const ROUTES: Record<string, { schema: z.ZodType; handler: Handler }> = {
  task: { schema: taskRequestSchema, handler: taskRoute as Handler },
  progress: { schema: progressRequestSchema, handler: progressRoute as Handler },
  publish: { schema: publishRequestSchema, handler: publishRoute as Handler },
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError(413, "TOO_LARGE", "the request body is too large");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ApiError(400, "BAD_JSON", "the request body is not JSON");
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(JSON.stringify(body));
}

/**
 * The App's API for HavunCore's own workflows (`POST /api/havun/v1/{task,progress,publish}`):
 * each request carries a GitHub Actions ID token as its bearer credential; the App verifies it,
 * checks what the endpoint requires, and answers JSON. Refusals are logged with the token's
 * repository and run, and answered `{ error: { code, message } }`.
 */
export function apiRouter(deps: ApiDeps, serverUrl: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const name = (req.url ?? "").slice(API_PREFIX.length).split("?")[0] ?? "";
    const route = ROUTES[name];
    let claims: ActionsClaims | null = null;
    try {
      if (!route) throw new ApiError(404, "NOT_FOUND", `no API endpoint ${name}`);
      if (req.method !== "POST") throw new ApiError(404, "NOT_FOUND", `use POST for ${name}`);
      const auth = req.headers.authorization ?? "";
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m)
        throw new ApiError(
          401,
          "NO_TOKEN",
          "send the job's GitHub Actions ID token as `Authorization: Bearer …`",
        );
      claims = await deps.oidc.verify(m[1]!);
      const parsed = route.schema.safeParse(await readBody(req));
      if (!parsed.success)
        throw new ApiError(
          400,
          "BAD_REQUEST",
          parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        );
      send(res, 200, await route.handler(deps, claims, parsed.data as never, serverUrl));
    } catch (err) {
      const known =
        err instanceof ApiError
          ? err
          : err instanceof OidcError
            ? new ApiError(401, err.code, err.message)
            : null;
      const who = claims
        ? { repository: claims.repository, run: claims.run_id, workflow: claims.job_workflow_ref }
        : {};
      if (known) {
        deps.log.warn(
          { ...who, endpoint: name, code: known.code },
          `API refused: ${known.message}`,
        );
        send(res, known.status, { error: { code: known.code, message: known.message } });
      } else {
        deps.log.error({ ...who, endpoint: name, err }, "API request failed");
        send(res, 500, {
          error: { code: "INTERNAL", message: "the App could not answer; see its log" },
        });
      }
    }
  };
}
