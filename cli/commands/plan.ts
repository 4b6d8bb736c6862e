import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { githubFromEnv, parseRepoRef, type GitHubFlags } from "../github-env.ts";

interface PlanFlags extends GitHubFlags {
  hub: string;
  dryRun?: boolean;
  json?: boolean;
}

export function registerPlan(program: Command): void {
  program
    .command("plan")
    .description(
      "plan a feature with Claude for a hub and print the validated plan (writes nothing)",
    )
    .argument("<request>", 'the feature request, e.g. "Add installment payments"')
    .requiredOption(
      "--hub <owner/repo>",
      "the hub repository (its .github/havun.yml lists the projects)",
    )
    .option(
      "--dry-run",
      "only print the plan (the only mode: orchestrate by opening an issue with /orchestrate)",
    )
    .option("--json", "print the plan as JSON")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option("--token <token>", "GitHub token (default: GITHUB_TOKEN)")
    .addHelpText(
      "after",
      "\nThe model is reached with ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL, e.g. a sandbox's `serverUrl`/anthropic).",
    )
    .action(async (request: string, flags: PlanFlags) => {
      if (!flags.dryRun) {
        throw new CliError(
          "havun plan only prints plans: add --dry-run. To orchestrate, open an issue in the hub whose body starts with /orchestrate.",
        );
      }
      if (!process.env.ANTHROPIC_API_KEY && !process.env.ANTHROPIC_BASE_URL) {
        throw new CliError(
          "no model access: set ANTHROPIC_API_KEY (or ANTHROPIC_BASE_URL for a local scripted model)",
        );
      }
      const { repo } = parseRepoRef(flags.hub, false);
      const gh = githubFromEnv(flags);
      const { planDryRun } = await import("../../app/orchestrator/plan-dry-run.ts");
      const out = await planDryRun({ ...gh, hub: repo, request });
      if (!out.ok) {
        process.stderr.write(`${out.message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(flags.json ? `${JSON.stringify(out.plan, null, 2)}\n` : `${out.text}\n`);
    });
}
