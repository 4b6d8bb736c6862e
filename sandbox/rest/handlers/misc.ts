import { GitHubError, notFound } from "../../http/github-error.ts";
import { renderUser } from "../../render/user.ts";
import { ok, type HandlerTable } from "../types.ts";

function bucket(limit: number, used: number) {
  return {
    limit,
    used,
    remaining: Math.max(limit - used, 0),
    reset: Math.floor(Date.now() / 1000) + 3600,
  };
}

export const miscHandlers: HandlerTable = {
  "rate-limit/get": (req) => {
    const core = bucket(req.access.token.kind === "installation" ? 5000 : 5000, 0);
    const resources = {
      core,
      search: bucket(30, 0),
      graphql: bucket(5000, 0),
      integration_manifest: bucket(5000, 0),
      code_search: bucket(10, 0),
    };
    return ok({ resources, rate: core });
  },
  "users/get-authenticated": (req) => {
    if (req.access.token.kind !== "user" || req.access.actor.accountId <= 0) {
      throw new GitHubError(403, "Resource not accessible by integration");
    }
    const me = req.core.store.accountById(req.access.actor.accountId);
    return ok({
      ...renderUser(req.core.urls, me),
      name: me.name,
      company: null,
      blog: "",
      location: null,
      email: me.email,
      hireable: null,
      bio: null,
      public_repos: req.core.store.state.repos.filter((r) => r.ownerId === me.id && !r.private)
        .length,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: me.createdAt,
      updated_at: me.createdAt,
    });
  },
  "users/get-by-username": (req) => {
    const a = req.core.store.account(String(req.params.username));
    if (!a) throw notFound();
    return ok({
      ...renderUser(req.core.urls, a),
      name: a.name,
      company: null,
      blog: "",
      location: null,
      email: a.email,
      hireable: null,
      bio: null,
      public_repos: req.core.store.state.repos.filter((r) => r.ownerId === a.id && !r.private)
        .length,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: a.createdAt,
      updated_at: a.createdAt,
    });
  },
  "orgs/get": (req) => {
    const a = req.core.store.account(String(req.params.org));
    if (!a || a.type !== "Organization") throw notFound();
    const api = `${req.core.urls.api}/orgs/${a.login}`;
    return ok({
      login: a.login,
      id: a.id,
      node_id: renderUser(req.core.urls, a).node_id,
      url: api,
      repos_url: `${api}/repos`,
      events_url: `${api}/events`,
      hooks_url: `${api}/hooks`,
      issues_url: `${api}/issues`,
      members_url: `${api}/members{/member}`,
      public_members_url: `${api}/public_members{/member}`,
      avatar_url: `${req.core.urls.server}/avatars/u/${a.id}?v=4`,
      description: null,
      name: a.name,
      html_url: `${req.core.urls.server}/${a.login}`,
      has_organization_projects: true,
      has_repository_projects: true,
      public_repos: req.core.store.state.repos.filter((r) => r.ownerId === a.id && !r.private)
        .length,
      public_gists: 0,
      followers: 0,
      following: 0,
      type: "Organization",
      created_at: a.createdAt,
      updated_at: a.createdAt,
      archived_at: null,
    });
  },
};
