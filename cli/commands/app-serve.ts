import type { Server } from "node:http";
import { CliError } from "../errors.ts";
import type { AppCredentials, AppSettings } from "./app-settings.ts";

function workflowApiFromEnv(env: Record<string, string | undefined>) {
  return import("../../app/api/trusted-workflows.ts").then(({ parseTrustedWorkflows }) => {
    if (!env.HAVUN_TRUSTED_WORKFLOWS) {
      process.stderr.write(
        "havun: warning: HAVUN_TRUSTED_WORKFLOWS is not set, so the workflow API is off and agent runs cannot get their tasks or publish (see `havun app --help`)\n",
      );
      return undefined;
    }
    try {
      return {
        issuer: env.HAVUN_OIDC_ISSUER ?? "https://token.actions.githubusercontent.com",
        audience: env.HAVUN_OIDC_AUDIENCE ?? "havuncore",
        trusted: parseTrustedWorkflows(env.HAVUN_TRUSTED_WORKFLOWS),
        ...(env.HAVUN_SERVER_URL ? { serverUrl: env.HAVUN_SERVER_URL } : {}),
      };
    } catch (err) {
      throw new CliError((err as Error).message);
    }
  });
}

/** Lets pino's stream write what is buffered before the process ends. */
const flushed = () => new Promise<void>((r) => setImmediate(() => setImmediate(r)));

/**
 * Serves the App until SIGTERM or SIGINT, then stops gracefully: no new connections, queued
 * work finishes within the deadline (exit 0) or the process exits 1 saying what was left. A
 * second signal exits at once.
 */
export async function serveApp(
  settings: AppSettings,
  creds: AppCredentials,
  slug: string,
  server?: Server,
): Promise<never> {
  const workflowApi = await workflowApiFromEnv(process.env);
  const { startAppServer } = await import("../../app/server.ts");
  const app = await startAppServer({
    ...(workflowApi ? { workflowApi } : {}),
    ...(server ? { server } : { host: settings.host, port: settings.port }),
    appId: creds.appId,
    privateKey: creds.privateKey,
    webhookSecret: creds.webhookSecret,
    baseUrl: settings.apiUrl,
    appSlug: slug,
    logLevel: settings.log.level,
    logFormat: settings.log.format,
    resume: "background",
  });
  const log = app.probot.log;
  process.stderr.write(`HavunCore App listening: ${app.webhookUrl}\n`);
  log.info({ webhookUrl: app.webhookUrl, app: slug }, "HavunCore App listening");
  let proxy: { stop(): Promise<void> } | undefined;
  if (settings.webhookProxy) {
    const { startWebhookProxy } = await import("../../app/http/webhook-proxy.ts");
    proxy = startWebhookProxy({ source: settings.webhookProxy, target: app.webhookUrl, log });
    process.stderr.write(`havun: forwarding webhooks from ${settings.webhookProxy}\n`);
  }
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  const again = (second: string) => {
    log.error({ signal: second }, "second signal: exiting now");
    void flushed().then(() => process.exit(1));
  };
  process.once("SIGINT", again);
  process.once("SIGTERM", again);
  log.info({ signal }, "signal received");
  await proxy?.stop();
  const { drain } = await import("../../app/http/shutdown.ts");
  const code = await drain(app, settings.shutdownTimeoutMs, log);
  await flushed();
  process.exit(code);
}
