import { Octokit } from "@octokit/core";

/** What the manifest flow yields: the new App and its credentials. */
export interface RegisteredApp {
  id: number;
  slug: string;
  name: string;
  owner: string;
  htmlUrl: string;
  pem: string;
  webhookSecret: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Exchanges the manifest flow's temporary code for the App's id, key and secrets:
 * `POST /app-manifests/{code}/conversions`, unauthenticated (the code is the credential; it
 * works once, within an hour).
 */
export async function convertManifestCode(apiUrl: string, code: string): Promise<RegisteredApp> {
  const octokit = new Octokit({ baseUrl: apiUrl });
  let data;
  try {
    ({ data } = await octokit.request("POST /app-manifests/{code}/conversions", { code }));
  } catch (err) {
    const e = err as { status?: number; message?: string };
    throw new Error(
      e.status === 404 || e.status === 422
        ? `GitHub did not accept the code (${e.status}): it was used already or is older than an hour; register again`
        : `exchanging the code at ${apiUrl} failed: ${e.message ?? String(err)}`,
      { cause: err },
    );
  }
  const owner = data.owner && "login" in data.owner ? data.owner.login : "";
  return {
    id: data.id,
    slug: data.slug ?? "",
    name: data.name,
    owner,
    htmlUrl: data.html_url,
    pem: data.pem,
    webhookSecret: data.webhook_secret ?? "",
    clientId: data.client_id,
    clientSecret: data.client_secret,
  };
}

/**
 * The `.env` lines for a registered App (Probot's names, plus APP_SLUG); the key on one line
 * with its newlines written as `\n`, as Probot and `havun app` read it.
 */
export function envForApp(app: RegisteredApp): Record<string, string> {
  return {
    APP_ID: String(app.id),
    APP_SLUG: app.slug,
    PRIVATE_KEY: app.pem.replace(/\r?\n/g, "\\n"),
    WEBHOOK_SECRET: app.webhookSecret,
    GITHUB_CLIENT_ID: app.clientId,
    GITHUB_CLIENT_SECRET: app.clientSecret,
  };
}
