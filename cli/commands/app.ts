import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { CliError } from "../errors.ts";

interface AppFlags {
  port: string;
  apiUrl?: string;
  slug: string;
}

function privateKey(): string {
  if (process.env.PRIVATE_KEY) return process.env.PRIVATE_KEY.replace(/\\n/g, "\n");
  if (process.env.PRIVATE_KEY_PATH) return readFileSync(process.env.PRIVATE_KEY_PATH, "utf8");
  throw new CliError(
    "no App private key: set PRIVATE_KEY (the PEM) or PRIVATE_KEY_PATH (a file holding it)",
  );
}

export function registerApp(program: Command): void {
  program
    .command("app")
    .description(
      "run the HavunCore GitHub App server (webhooks at /api/github/webhooks) until interrupted",
    )
    .option("--port <n>", "port to listen on", process.env.PORT ?? "3000")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option(
      "--slug <slug>",
      "the App's slug, as in github.com/apps/<slug>",
      process.env.APP_SLUG ?? "havuncore",
    )
    .addHelpText(
      "after",
      [
        "",
        "Environment: APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, ANTHROPIC_API_KEY;",
        "the workflow API (the agent and publish jobs exchange their ID tokens here):",
        "  HAVUN_TRUSTED_WORKFLOWS  where HavunCore's workflows live and the refs accepted,",
        "                           e.g. acme/havuncore@refs/tags/v1*,refs/heads/main",
        "  HAVUN_OIDC_AUDIENCE      the ID tokens' audience (default havuncore)",
        "  HAVUN_OIDC_ISSUER        default https://token.actions.githubusercontent.com",
        "                           (GitHub Enterprise Server: https://HOST/_services/token)",
        "  HOST                     address to listen on (default 127.0.0.1; 0.0.0.0 in a container)",
        "See README: Installing the App.",
      ].join("\n"),
    )
    .action(async (flags: AppFlags) => {
      const appId = process.env.APP_ID;
      const secret = process.env.WEBHOOK_SECRET;
      if (!appId)
        throw new CliError(
          "no APP_ID: set it to the App's id (Settings → Developer settings → GitHub Apps)",
        );
      if (!secret) throw new CliError("no WEBHOOK_SECRET: set it to the App's webhook secret");
      if (!process.env.ANTHROPIC_API_KEY)
        throw new CliError("no ANTHROPIC_API_KEY: the planner needs the model");
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be a port number, not "${flags.port}"`);
      const { startAppServer } = await import("../../app/server.ts");
      const { parseTrustedWorkflows } = await import("../../app/api/trusted-workflows.ts");
      let workflowApi;
      if (process.env.HAVUN_TRUSTED_WORKFLOWS) {
        try {
          workflowApi = {
            issuer: process.env.HAVUN_OIDC_ISSUER ?? "https://token.actions.githubusercontent.com",
            audience: process.env.HAVUN_OIDC_AUDIENCE ?? "havuncore",
            trusted: parseTrustedWorkflows(process.env.HAVUN_TRUSTED_WORKFLOWS),
            ...(process.env.HAVUN_SERVER_URL ? { serverUrl: process.env.HAVUN_SERVER_URL } : {}),
          };
        } catch (err) {
          throw new CliError((err as Error).message);
        }
      } else
        process.stderr.write(
          "havun: warning: HAVUN_TRUSTED_WORKFLOWS is not set, so the workflow API is off and agent runs cannot get their tasks or publish (see `havun app --help`)\n",
        );
      const server = await startAppServer({
        ...(workflowApi ? { workflowApi } : {}),
        host: process.env.HOST ?? "127.0.0.1",
        appId,
        privateKey: privateKey(),
        webhookSecret: secret,
        baseUrl: flags.apiUrl ?? process.env.GITHUB_API_URL,
        port,
        appSlug: flags.slug,
        logLevel: "info",
      });
      process.stderr.write(`HavunCore App listening: ${server.webhookUrl}\n`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
      });
      await server.stop();
    });
}
