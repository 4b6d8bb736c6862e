import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { githubFromEnv, parseRepoRef, type GitHubFlags } from "../github-env.ts";

export function registerStatus(program: Command): void {
  program
    .command("status")
    .description(
      "print an orchestration's state: tasks, their sub-issues, pull requests and progress",
    )
    .argument("<hub-issue>", "the hub issue, owner/repo#number")
    .option("--json", "print one JSON document")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option("--token <token>", "GitHub token (default: GITHUB_TOKEN)")
    .action(async (ref: string, flags: GitHubFlags & { json?: boolean }) => {
      const { repo, number } = parseRepoRef(ref, true);
      const gh = githubFromEnv(flags);
      const { statusReport, formatStatus } =
        await import("../../app/orchestrator/status-report.ts");
      const report = await statusReport({ ...gh, hub: repo, number: number! });
      if ("error" in report) throw new CliError(report.error, 1);
      process.stdout.write(
        flags.json ? `${JSON.stringify(report)}\n` : `${formatStatus(report)}\n`,
      );
    });
}
