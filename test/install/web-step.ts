import type { Sandbox } from "../../sandbox/index.ts";

/** The browser's side of GitHub's web steps against the sandbox, signed in with a user token. */
export function browserFor(sb: Sandbox, login: string) {
  const token = sb.token(login);
  const post = (path: string, fields: Record<string, string>) =>
    fetch(path.startsWith("http") ? path : `${sb.serverUrl}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: `user_session=${token}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(fields).toString(),
    });
  return {
    token,
    /** Posts a manifest to `/settings/apps/new` (or the organization's) as the form does. */
    newApp(manifest: unknown, opts: { org?: string; state?: string } = {}) {
      const owner = opts.org ? `/organizations/${opts.org}` : "";
      const query = opts.state ? `?state=${opts.state}` : "";
      return post(`${owner}/settings/apps/new${query}`, { manifest: JSON.stringify(manifest) });
    },
    post,
    /** Installs an App on `target` (all its repositories unless named). */
    install(slug: string, target: string, repositories?: string) {
      return post(`/apps/${slug}/installations/new`, {
        target,
        ...(repositories ? { repositories } : {}),
      });
    },
  };
}

/** The `code` and `state` GitHub appended to the redirect URL. */
export function codeOf(res: Response): { code: string; state: string | null; url: URL } {
  const location = res.headers.get("location");
  if (res.status !== 302 || !location) throw new Error(`expected a redirect, got ${res.status}`);
  const url = new URL(location);
  return { code: url.searchParams.get("code") ?? "", state: url.searchParams.get("state"), url };
}
