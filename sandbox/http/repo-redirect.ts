import type { SandboxCore } from "../core.ts";
import type { Access } from "../auth/access.ts";
import { renamedFrom } from "../ops/repo-rename.ts";

const DOCS =
  "https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#follow-redirects";

/**
 * `/repositories/{id}/…`, where GitHub's redirects for renamed repositories lead: the same as
 * `/repos/{owner}/{name}/…` of the repository with that id; null when no route needs it.
 */
export function repositoriesAlias(core: SandboxCore, path: string): string | null {
  const m = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
  if (!m) return null;
  const repo = core.store.state.repos.find((r) => r.id === Number(m[1]));
  if (!repo) return null;
  return `/repos/${core.store.fullName(repo)}${m[2] ?? ""}`;
}

/**
 * A request to a repository's old name after a rename: GitHub answers 301 Moved Permanently for
 * GET and HEAD and 307 Temporary Redirect for other methods (repeat the request verbatim), the
 * `Location` being `/repositories/{id}` with the rest of the path. Null when no redirect applies.
 */
export function renameRedirect(
  core: SandboxCore,
  access: Access,
  method: string,
  path: string,
  search: string,
): { status: number; headers: Record<string, string>; body: Record<string, string> } | null {
  const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
  if (!m) return null;
  const moved = renamedFrom(core, decodeURIComponent(m[1]!), decodeURIComponent(m[2]!));
  if (!moved || !access.canSee(moved)) return null;
  const url = `${core.urls.api}/repositories/${moved.id}${m[3] ?? ""}${search}`;
  const permanent = method === "GET" || method === "HEAD";
  return {
    status: permanent ? 301 : 307,
    headers: { location: url },
    body: {
      message: permanent ? "Moved Permanently" : "Temporary Redirect",
      url,
      documentation_url: DOCS,
    },
  };
}
