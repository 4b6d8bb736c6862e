import type { Command } from "commander";
import { CliError } from "../errors.ts";

interface SandboxFlags {
  port: string;
  state?: string;
  json?: boolean;
  owner: string;
  rateLimit: string;
  actions: boolean;
  jobs: string;
}

export function registerSandbox(program: Command): void {
  program
    .command("sandbox")
    .description(
      "start a local GitHub (REST, GraphQL, webhooks, git over HTTP) on 127.0.0.1 until interrupted",
    )
    .option("--port <n>", "port to listen on (0 picks a free one)", "0")
    .option("--state <file>", "keep the state in this JSON file (git repositories beside it)")
    .option(
      "--json",
      "print one line of JSON once ready: apiUrl, graphqlUrl, serverUrl, token, owner, webhookSecret",
    )
    .option("--owner <org>", "the organization to create", "havun")
    .option(
      "--rate-limit <n>",
      "content-creating requests a minute per client before a secondary rate limit (0: off)",
      "80",
    )
    .option("--no-actions", "do not run workflows (.github/workflows) when their events happen")
    .option("--jobs <n>", "workflow jobs to run at once on this machine", "2")
    .action(async (flags: SandboxFlags) => {
      // Loaded here so other commands start without the sandbox.
      const { startSandbox } = await import("../../sandbox/index.ts");
      const { defaultSeed } = await import("../../sandbox/default-seed.ts");
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be a port number (0-65535), not "${flags.port}"`);
      const jobs = Number(flags.jobs);
      if (!Number.isInteger(jobs) || jobs < 1)
        throw new CliError(`--jobs must be a whole number of at least 1, not "${flags.jobs}"`);
      const admin = `${flags.owner}-admin`;
      const sb = await startSandbox({
        port,
        stateFile: flags.state,
        seed: defaultSeed(flags.owner, admin),
        secondaryRateLimit: Number(flags.rateLimit),
        actions: flags.actions ? { concurrency: jobs } : false,
      });
      const app = sb.seeded.apps.havuncore!.app;
      const info = {
        apiUrl: sb.apiUrl,
        graphqlUrl: sb.graphqlUrl,
        serverUrl: sb.serverUrl,
        token: sb.token(admin),
        owner: flags.owner,
        webhookSecret: app.webhookSecret,
      };
      if (flags.json) {
        process.stdout.write(JSON.stringify(info) + "\n");
      } else {
        const repos = sb.core.store.state.repos.map((r) => sb.core.store.fullName(r));
        process.stdout.write(
          [
            `HavunCore sandbox (a local GitHub) is up.`,
            `  REST     ${info.apiUrl}`,
            `  GraphQL  ${info.graphqlUrl}`,
            `  git      ${info.serverUrl}/<owner>/<repo>.git`,
            `  org      ${flags.owner} (admin ${admin}, token ${info.token})`,
            `  repos    ${repos.join(", ")}`,
            `  App      havuncore (id ${app.id}), webhook secret ${info.webhookSecret}`,
            `  Actions  ${flags.actions ? `workflows run here, ${jobs} job(s) at a time` : "off (--no-actions)"}`,
            `Try: curl -H "Authorization: token ${info.token}" ${info.apiUrl}/repos/${flags.owner}/hub`,
            `Press Ctrl+C to stop.`,
          ].join("\n") + "\n",
        );
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await sb.stop();
    });
}
