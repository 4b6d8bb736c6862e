import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RegisteredApp } from "../../app/setup/conversion.ts";
import { envForApp } from "../../app/setup/conversion.ts";
import { EnvFileConflict, writeEnvValues } from "../../app/setup/env-file.ts";
import { GITHUB_API, webUrlForApi } from "../../app/setup/github-urls.ts";
import { manifestFlow } from "../../app/setup/manifest-flow.ts";
import { CliError } from "../errors.ts";
import type { AppSettings } from "./app-settings.ts";

const say = (line: string) => process.stderr.write(`havun: ${line}\n`);

/** Where a person's browser reaches a server bound to `host`. */
export function browserUrl(host: string, port: number): string {
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

/** Keeps the new App's credentials in `.env` (0600), or in `.env.new` when `.env` has an App already. */
function saver(settings: AppSettings, envPath: string) {
  return (app: RegisteredApp): void => {
    const values = {
      ...envForApp(app),
      ...(settings.apiUrl && settings.apiUrl !== GITHUB_API
        ? { GITHUB_API_URL: settings.apiUrl }
        : {}),
      ...(settings.webhookProxy ? { WEBHOOK_PROXY_URL: settings.webhookProxy } : {}),
    };
    try {
      writeEnvValues(envPath, values);
    } catch (err) {
      if (!(err instanceof EnvFileConflict)) throw err;
      writeEnvValues(`${envPath}.new`, values);
      throw new CliError(
        `${err.message}; the new App's credentials (id ${app.id}) are in ${envPath}.new (mode 0600): move them into ${envPath} by hand`,
      );
    }
  };
}

/**
 * No App yet: serve GitHub's manifest flow on the server's port until the person registered
 * the App, then hand the listening server over (the App takes it).
 */
export async function registerApp(
  settings: AppSettings,
  envPath: string,
): Promise<{ server: Server; app: RegisteredApp }> {
  let webUrl: string;
  try {
    webUrl = webUrlForApi(settings.apiUrl);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  const hookUrl = settings.webhookUrl ?? settings.webhookProxy;
  const flow = manifestFlow({
    apiUrl: settings.apiUrl ?? GITHUB_API,
    webUrl,
    ...(settings.org ? { org: settings.org } : {}),
    ...(hookUrl ? { hookUrl } : {}),
    ...(settings.name ? { name: settings.name } : {}),
    save: saver(settings, envPath),
  });
  const server = createServer(flow.handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err) =>
      reject(new CliError(`cannot listen on ${settings.host}:${settings.port}: ${err.message}`)),
    );
    server.listen(settings.port, settings.host, () => resolve());
  });
  const local = browserUrl(settings.host, (server.address() as AddressInfo).port);
  const owner = settings.org ? `the organization ${settings.org}` : "your account";
  say(`no APP_ID in the environment or ${envPath}`);
  say(`open ${local} to register the App on ${webUrl} for ${owner}`);
  if (!hookUrl)
    say(
      `webhooks will go to this server as the browser reaches it; if GitHub cannot reach that address, pass --webhook-url https://PUBLIC-HOST/api/github/webhooks or --webhook-proxy CHANNEL-URL`,
    );
  let stop = () => {};
  const interrupted = new Promise<never>((_, reject) => {
    stop = () => reject(new CliError("stopped before the App was registered", 1));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  let app: RegisteredApp;
  try {
    app = await Promise.race([flow.registered, interrupted]);
  } catch (err) {
    server.closeAllConnections();
    server.close();
    throw err;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
  say(`App ${app.slug} (id ${app.id}) registered for ${app.owner}; wrote ${envPath} (mode 0600)`);
  say(`install it on the organization that owns the hub: ${app.htmlUrl}/installations/new`);
  return { server, app };
}
