import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "../auth/tokens.ts";
import type { SandboxCore } from "../core.ts";
import { serviceOf } from "../git/http-service.ts";
import { afterPush } from "../ops/push.ts";
import { renamedFrom } from "../ops/repo-rename.ts";
import type { Fault, FaultInjector } from "../limits/faults.ts";
import { callerOf, type Caller } from "./caller.ts";
import { accessFor } from "./rest-dispatch.ts";
import { GitHubError } from "./github-error.ts";
import type { RequestLog } from "./request-log.ts";

/** `/{owner}/{repo}.git/…` → git's smart HTTP protocol, with GitHub-style token auth. */
export async function serveGitRoute(
  core: SandboxCore,
  log: RequestLog,
  req: IncomingMessage,
  res: ServerResponse,
  m: { owner: string; repo: string; rest: string; query: string },
  faults?: FaultInjector,
): Promise<void> {
  const started = performance.now();
  let client = "anonymous";
  let caller: Caller | null = null;
  let fault: Fault = null;
  let status = 200;
  try {
    // Git at a renamed repository's old address keeps working, as on GitHub.
    const repo = core.store.repo(m.owner, m.repo) ?? renamedFrom(core, m.owner, m.repo);
    const service = serviceOf(m.rest, m.query);
    if (!repo || !service) throw new GitHubError(404, "Repository not found.");
    const creds = authenticate(core, req.headers.authorization);
    if (creds.kind === "jwt") throw new GitHubError(401, "Bad credentials");
    caller = callerOf(core, creds);
    client = caller.client;
    // Injected faults: git meets 502s and dropped connections (no secondary rate limits).
    fault = faults?.decide(`git ${service}`) ?? null;
    if (fault === "secondary") fault = "502";
    if (fault === "timeout") {
      await new Promise((r) => setTimeout(r, faults!.timeoutMs));
      req.socket.destroy();
      status = 0;
      return;
    }
    if (fault) throw new GitHubError(502, "Server Error");
    const access = accessFor(core, creds);
    const level = service === "receive-pack" ? "write" : "read";
    const have = access.levelOn(repo, "contents");
    const allowed = have === "admin" || have === level || (level === "read" && have === "write");
    if (!allowed) {
      if (creds.kind === "anonymous") throw new GitHubError(401, "Authentication required");
      throw new GitHubError(
        access.canSee(repo) ? 403 : 404,
        access.canSee(repo)
          ? `Permission to ${core.store.fullName(repo)}.git denied to ${access.token.login}.`
          : "Repository not found.",
      );
    }
    if (level === "write" && repo.archived)
      throw new GitHubError(403, "This repository was archived so it is read-only.");
    const updates = await core.git.serveHttp(repo.id, req, res, {
      pathInfo: m.rest,
      query: m.query,
      remoteUser: access.token.login || "anonymous",
    });
    status = res.statusCode;
    if (updates.length) await afterPush(core, access.actor, repo, updates);
  } catch (err) {
    const e = err instanceof GitHubError ? err : new GitHubError(500, (err as Error).message);
    status = e.status;
    if (!res.headersSent) {
      const headers: Record<string, string> = { "content-type": "text/plain" };
      if (e.status === 401) headers["www-authenticate"] = 'Basic realm="GitHub"';
      res.writeHead(e.status, headers);
      res.end(`${e.message}\n`);
    }
  } finally {
    log.add({
      method: req.method ?? "GET",
      route: `git ${serviceOf(m.rest, m.query) ?? m.rest}`,
      client,
      status,
      ms: performance.now() - started,
      validationMs: 0,
      ...(caller?.scoped ? { scoped: true } : {}),
      ...(caller?.workflow ? { workflow: caller.workflow } : {}),
      ...(fault ? { fault } : {}),
    });
  }
}
