import { resolve } from "node:path";
import type { Command } from "commander";
import { loadEnvFile } from "../../app/setup/env-file.ts";
import { CliError } from "../errors.ts";
import { registerApp as registerWithManifest } from "./app-register.ts";
import { serveApp } from "./app-serve.ts";
import { credentialsFromEnv, readSettings, type AppFlags } from "./app-settings.ts";

const HELP = [
  "",
  "Without an APP_ID (in the environment or .env) it first registers the App from app.yml",
  "through GitHub's manifest flow: open the printed address, create the App on GitHub, and",
  "APP_ID, APP_SLUG, PRIVATE_KEY, WEBHOOK_SECRET, GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET",
  "are written to .env (mode 0600); then it serves with them.",
  "",
  "Environment (variables win over .env): APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH,",
  "WEBHOOK_SECRET, APP_SLUG, ANTHROPIC_API_KEY, GITHUB_API_URL, WEBHOOK_PROXY_URL, GH_ORG;",
  "  HOST                      address to listen on (default 127.0.0.1; 0.0.0.0 in a container)",
  "  LOG_FORMAT, LOG_LEVEL     json or pretty (default: json unless stdout is a terminal); info",
  "  SHUTDOWN_TIMEOUT_SECONDS  on SIGTERM/SIGINT, how long queued work may finish (default 25)",
  "the workflow API (the agent and publish jobs exchange their ID tokens here):",
  "  HAVUN_TRUSTED_WORKFLOWS   where HavunCore's workflows live and the refs accepted,",
  "                            e.g. acme/havuncore@refs/tags/v1*,refs/heads/main",
  "  HAVUN_OIDC_AUDIENCE       the ID tokens' audience (default havuncore)",
  "  HAVUN_OIDC_ISSUER         default https://token.actions.githubusercontent.com",
  "                            (GitHub Enterprise Server: https://HOST/_services/token)",
  "GET /healthz answers 200 while GitHub accepts the App's JWT (GET /app), else 503 with why.",
  "See docs/installing.md in HavunCore's repository.",
].join("\n");

export function registerApp(program: Command): void {
  program
    .command("app")
    .description(
      "run the HavunCore GitHub App server (webhooks at /api/github/webhooks) until interrupted; registers the App first when there is none",
    )
    .option("--port <n>", "port to listen on (0: any free one)", process.env.PORT ?? "3000")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com; GitHub Enterprise Server: https://HOST/api/v3)",
    )
    .option(
      "--slug <slug>",
      "the App's slug, as in github.com/apps/<slug> (default: APP_SLUG or havuncore)",
    )
    .option(
      "--org <org>",
      "register the App for this organization (default: GH_ORG; else your account)",
    )
    .option(
      "--name <name>",
      "the App's name when registering (default: app.yml's; names are unique on GitHub)",
    )
    .option(
      "--webhook-url <url>",
      "when registering: the public address GitHub posts webhooks to (https://HOST/api/github/webhooks)",
    )
    .option(
      "--webhook-proxy <url>",
      "a webhook channel (smee.io style) to receive webhooks from when this machine has no public address (default: WEBHOOK_PROXY_URL)",
    )
    .option(
      "--env-file <path>",
      "the .env file read at start and written by the registration",
      ".env",
    )
    .addHelpText("after", HELP)
    .action(async (flags: AppFlags) => {
      const envPath = resolve(flags.envFile);
      const loaded = loadEnvFile(envPath);
      if (loaded?.length)
        process.stderr.write(`havun: read ${loaded.join(", ")} from ${envPath}\n`);
      const settings = readSettings(flags, process.env, process.stdout.isTTY === true);
      if (!process.env.ANTHROPIC_API_KEY)
        throw new CliError("no ANTHROPIC_API_KEY: the planner needs the model");
      if (process.env.APP_ID) {
        const creds = credentialsFromEnv(process.env);
        return serveApp(settings, creds, settings.slug ?? "havuncore");
      }
      const { server, app } = await registerWithManifest(settings, envPath);
      await serveApp(
        settings,
        { appId: String(app.id), privateKey: app.pem, webhookSecret: app.webhookSecret },
        app.slug,
        server,
      );
    });
}
