import { webUrlForApi } from "../setup/github-urls.ts";

/** The prefix `gh` needs to reach a host other than github.com (`GH_HOST=host `), or "". */
export function ghHostPrefix(apiUrl: string): string {
  const web = new URL(webUrlForApi(apiUrl));
  return web.hostname === "github.com" ? "" : `GH_HOST=${web.host} `;
}

/** The page where an account installs the App and picks its repositories. */
export function installUrl(apiUrl: string, slug: string): string {
  return `${webUrlForApi(apiUrl)}/apps/${slug}/installations/new`;
}

/** The App's settings page for its owner (its permissions and events, webhook, deliveries). */
export function appSettingsUrl(apiUrl: string, slug: string, org: string | null): string {
  const owner = org ? `/organizations/${org}` : "";
  return `${webUrlForApi(apiUrl)}${owner}/settings/apps/${slug}`;
}
