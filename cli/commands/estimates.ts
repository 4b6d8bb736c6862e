import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { githubFromEnv, parseRepoRef, type GitHubFlags } from "../github-env.ts";

interface EstimatesFlags extends GitHubFlags {
  hub?: string;
  json?: boolean;
  limit?: string;
  appSlug?: string;
}

/**
 * `havun estimates --hub OWNER/HUB`: how far the planner's estimates were from what the hub's
 * finished tasks took, and how far the calibrated ones would have been — read from GitHub as the
 * App reads it when it plans (app/planner/estimate-history.ts).
 */
export async function estimatesCommand(flags: EstimatesFlags): Promise<string> {
  if (!flags.hub) throw new CliError("say which hub: havun estimates --hub owner/repo");
  const { repo: hub } = parseRepoRef(flags.hub, false);
  const limit = flags.limit === undefined ? 30 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new CliError(`--limit ${flags.limit} is not a whole number from 1 to 100`);
  const gh = githubFromEnv(flags);
  const { createRestClient } = await import("../../app/gateway/rest-client.ts");
  const { hubReader } = await import("../../app/gateway/hub-reader.ts");
  const { readEstimateHistory } = await import("../../app/planner/estimate-history.ts");
  const { estimatesReport, formatEstimates } =
    await import("../../app/planner/estimates-report.ts");
  const { VIEW_ONLY_SIGNER } = await import("../../app/trust/marker-signer.ts");
  const octokit = createRestClient({ token: gh.token, baseUrl: gh.baseUrl });
  const appSlug = flags.appSlug ?? "havuncore";
  const loaded = await hubReader({ octokit, hub, appSlug }).config();
  if (!loaded.ok)
    throw new CliError(
      loaded.missing
        ? `${hub} has no .github/havun.yml: is it the hub? (havun init sets one up)`
        : `${hub}'s .github/havun.yml or agent files are not valid: havun doctor shows what to fix`,
    );
  const history = await readEstimateHistory(octokit, hub, {
    appSlug,
    signer: VIEW_ONLY_SIGNER,
    config: loaded.config,
    limit,
  });
  const report = estimatesReport(hub, history);
  return flags.json ? JSON.stringify(report) : formatEstimates(report);
}

export function registerEstimates(program: Command): void {
  program
    .command("estimates")
    .description(
      "how far estimates were from what the hub's finished tasks took, before and after calibration",
    )
    .option("--hub <owner/repo>", "the hub repository")
    .option("--limit <n>", "read the newest n finished orchestrations (default 30)")
    .option("--app-slug <slug>", "the App's slug, whose bot writes the tasks (default havuncore)")
    .option("--json", "print one JSON document")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option("--token <token>", "GitHub token (default: GITHUB_TOKEN)")
    .action(async (flags: EstimatesFlags) => {
      process.stdout.write(`${await estimatesCommand(flags)}\n`);
    });
}
