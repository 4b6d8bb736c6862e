import { appendFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import type { Level } from "../../contracts/openapi/catalogue/index.ts";
import { CliError } from "../errors.ts";
import { githubFromEnv } from "../github-env.ts";
import { asCliError } from "./contracts-pact.ts";

interface CheckFlags {
  service: string;
  openapi?: string;
  base?: string;
  failOn: Level;
  hubDir?: string;
  providerUrl?: string;
  providerStart?: string;
  statesModule?: string;
  checkRun?: string | boolean;
  headSha?: string;
  repo?: string;
  summaryFile?: string;
}

/**
 * `havun contracts check`: what the contracts workflow runs in a provider's pull request. The
 * OpenAPI diff against the base and every consumer's pact, reported as one check run.
 */
export function registerContractCheck(contracts: Command): void {
  contracts
    .command("check")
    .description("a provider's contract check: OpenAPI diff + Pact verification → one check run")
    .requiredOption("--service <name>", "the service (its folder in the hub's registry)")
    .option("--openapi <path>", "the provider's OpenAPI description (repository-relative)")
    .option("--base <rev>", "the revision to compare with (the pull request's base commit)")
    .addOption(
      new Option("--fail-on <level>", "the lowest level that fails")
        .choices(["ERR", "WARN", "INFO"])
        .default("ERR"),
    )
    .option("--hub-dir <dir>", "the hub's registry folder holding the pacts")
    .option("--provider-url <url>", "where the provider answers")
    .option("--provider-start <command>", "start the provider with this command, stop it after")
    .option("--states-module <path>", "a module exporting the provider state handlers")
    .option(
      "--check-run [name]",
      "report as a check run (default name havun/contracts) with GITHUB_TOKEN",
    )
    .option("--head-sha <sha>", "the commit the check run is for (the pull request's head)")
    .option("--repo <owner/name>", "the repository (default: GITHUB_REPOSITORY)")
    .option("--summary-file <path>", "append the summary here (default: GITHUB_STEP_SUMMARY)")
    .action(async (flags: CheckFlags) => {
      if (flags.openapi && !flags.base)
        throw new CliError("--openapi needs --base <rev> to compare with");
      if (flags.hubDir && !flags.providerUrl)
        throw new CliError("--hub-dir needs --provider-url (where the provider answers)");
      const { runContractCheck } = await import("../../contracts/gate/contract-check.ts");
      const result = await runContractCheck({
        service: flags.service,
        cwd: process.cwd(),
        ...(flags.openapi
          ? { openapi: { path: flags.openapi, base: flags.base!, failOn: flags.failOn } }
          : {}),
        ...(flags.hubDir
          ? {
              pacts: {
                dir: flags.hubDir,
                providerUrl: flags.providerUrl!,
                ...(flags.providerStart ? { providerStart: flags.providerStart } : {}),
                ...(flags.statesModule ? { statesModule: flags.statesModule } : {}),
              },
            }
          : {}),
      });
      const out = (s: string) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
      if (result.openapi) out(result.openapi.text);
      for (const p of result.problems) out(`havun: error: ${p.message}\n  ${p.hint}`);
      out(`${result.conclusion === "success" ? "✓" : "✗"} ${result.title}`);
      const summaryFile = flags.summaryFile ?? process.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) await appendFile(summaryFile, `${result.summary}\n`);
      const reported = flags.checkRun ? await reportCheckRun(flags, result) : false;
      // Without a check run, the job's own check carries the annotations.
      if (!reported && result.workflowCommands) out(result.workflowCommands);
      process.exitCode = result.problems.length > 0 ? 2 : result.conclusion === "success" ? 0 : 1;
    });
}

type Result = Awaited<
  ReturnType<typeof import("../../contracts/gate/contract-check.ts").runContractCheck>
>;

async function reportCheckRun(flags: CheckFlags, result: Result): Promise<boolean> {
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
