import type { SandboxUrls } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { AccountRecord } from "../state/types.ts";

/** A `simple-user` as GitHub renders it. */
export function renderUser(urls: SandboxUrls, a: AccountRecord): Record<string, unknown> {
  const api = `${urls.api}/users/${encodeURIComponent(a.login)}`;
  return {
    login: a.login,
    id: a.id,
    node_id: nodeId(
      a.type === "Organization" ? "Organization" : a.type === "Bot" ? "Bot" : "User",
      a.id,
    ),
    avatar_url: `${urls.server}/avatars/u/${a.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url:
      a.type === "Bot"
        ? `${urls.server}/apps/${a.login.replace(/\[bot\]$/, "")}`
        : `${urls.server}/${a.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: a.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** An organization as it appears in webhook payloads and `GET /orgs/{org}`'s short form. */
export function renderOrgSimple(urls: SandboxUrls, a: AccountRecord): Record<string, unknown> {
  const api = `${urls.api}/orgs/${a.login}`;
  return {
    login: a.login,
    id: a.id,
    node_id: nodeId("Organization", a.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${urls.server}/avatars/u/${a.id}?v=4`,
    description: null,
  };
}
