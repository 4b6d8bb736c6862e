import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { githubFromEnv, parseRepoRef, type GitHubFlags } from "../github-env.ts";

interface DashboardFlags extends GitHubFlags {
  hub: string;
  port: string;
  interval: string;
}

function number(text: string, what: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`${what} must be a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

export function registerDashboard(program: Command): void {
  program
    .command("dashboard")
    .description(
      "a local web app that shows a hub's orchestrations live from GitHub: graph, tasks, runs, transcripts",
    )
    .requiredOption("--hub <owner/repo>", "the hub repository")
    .option("--port <n>", "the port on 127.0.0.1 (0 picks a free one)", "4000")
    .option("--interval <seconds>", "how often open pages ask GitHub whether they changed", "5")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option("--token <token>", "GitHub token (default: GITHUB_TOKEN)")
    .action(async (flags: DashboardFlags) => {
      const { repo } = parseRepoRef(flags.hub, false);
      const gh = githubFromEnv(flags);
      const port = number(flags.port, "--port", 0, 65535);
      const interval = number(flags.interval, "--interval", 1, 3600);
      const { startDashboard } = await import("../../dashboard/server.ts");
      const dashboard = await startDashboard({
        baseUrl: gh.baseUrl,
        token: gh.token,
        hub: repo,
        port,
        intervalMs: interval * 1000,
        onError: (err) => process.stderr.write(`havun dashboard: ${(err as Error).message}\n`),
      }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === "EADDRINUSE")
          throw new CliError(`port ${port} is in use: pass another --port (0 picks a free one)`);
        throw err;
      });
      process.stdout.write(`HavunCore dashboard for ${repo}: ${dashboard.url} (Ctrl-C stops it)\n`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await dashboard.stop();
    });
}
