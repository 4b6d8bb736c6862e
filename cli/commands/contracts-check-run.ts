import type { ContractCheckResult } from "../../contracts/gate/contract-check.ts";
import { CliError } from "../errors.ts";
import { githubFromEnv } from "../github-env.ts";

export interface CheckRunFlags {
  checkRun?: string | boolean;
  headSha?: string;
  repo?: string;
}

/**
 * Reports the contract check as the `havun/contracts` check run with GITHUB_TOKEN. False when
 * the token may not create check runs (a fork's pull request gets a read-only one): then the
 * job's own check carries the result.
 */
export async function reportCheckRun(
  flags: CheckRunFlags,
  result: ContractCheckResult,
): Promise<boolean> {
  const full = flags.repo ?? process.env.GITHUB_REPOSITORY;
  const headSha = flags.headSha ?? process.env.GITHUB_SHA;
  if (!full || !headSha)
    throw new CliError(
      "--check-run needs --repo and --head-sha (or GITHUB_REPOSITORY and GITHUB_SHA)",
    );
  const [owner = "", repo = ""] = full.split("/");
  const { createRestClient } = await import("../../app/gateway/rest-client.ts");
  const { publishCheckRun } = await import("../../contracts/gate/publish-check-run.ts");
  const octokit = createRestClient(githubFromEnv({}));
  const env = process.env;
  const detailsUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${full}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  try {
    const run = await publishCheckRun(
      octokit,
      {
        owner,
        repo,
        headSha,
        ...(typeof flags.checkRun === "string" ? { name: flags.checkRun } : {}),
        ...(detailsUrl ? { detailsUrl } : {}),
      },
      result,
    );
    process.stdout.write(`check run: ${run.url}\n`);
    return true;
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status !== 403 && status !== 404) throw err;
    // A fork's pull request gets a read-only token: fall back to the job's own check.
    process.stdout.write(
      `::warning title=havun/contracts::could not create the check run (${status}: ${(err as Error).message}); give the job "permissions: checks: write". The job's own check carries the result.\n`,
    );
    return false;
  }
}
