export const GITHUB_API = "https://api.github.com";

/**
 * GitHub's web address for a REST API address: github.com for api.github.com, `SUB.ghe.com`
 * for `api.SUB.ghe.com` (GitHub Enterprise Cloud with data residency), and the host itself for
 * `https://HOST/api/v3` (GitHub Enterprise Server, and the sandbox). Throws with the fix when the
 * address is none of these.
 */
export function webUrlForApi(apiUrl: string | undefined): string {
  const raw = (apiUrl ?? GITHUB_API).replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--api-url must be a URL such as ${GITHUB_API}, not "${raw}"`);
  }
  if (url.hostname === "api.github.com" && url.pathname === "/") return "https://github.com";
  const ghe = /^api\.([a-z0-9-]+)\.ghe\.com$/i.exec(url.hostname);
  if (ghe && url.pathname === "/") return `${url.protocol}//${ghe[1]}.ghe.com`;
  if (url.pathname === "/api/v3") return `${url.protocol}//${url.host}`;
  throw new Error(
    `cannot tell GitHub's web address from the API address ${raw}: use ${GITHUB_API}, https://api.SUBDOMAIN.ghe.com or https://HOST/api/v3 (GitHub Enterprise Server)`,
  );
}

/**
 * Where the manifest is posted: `<web>/settings/apps/new` registers the App for the signed-in
 * user, `<web>/organizations/ORG/settings/apps/new` for the organization; `state` comes back
 * with the code.
 */
export function newAppUrl(webUrl: string, state: string, org?: string): string {
  const owner = org ? `/organizations/${encodeURIComponent(org)}` : "";
  return `${webUrl}${owner}/settings/apps/new?state=${encodeURIComponent(state)}`;
}
