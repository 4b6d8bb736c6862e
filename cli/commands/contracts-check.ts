import { appendFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import type { Level } from "../../contracts/openapi/catalogue/index.ts";
import { CliError } from "../errors.ts";
import { acceptedChanges } from "./contracts-accepted.ts";
import { reportCheckRun } from "./contracts-check-run.ts";

interface CheckFlags {
  service: string;
  openapi?: string;
  base?: string;
  head?: string;
  checkout?: string;
  failOn: Level;
  hubDir?: string;
  providerUrl?: string;
  providerStart?: string;
  statesModule?: string;
  pactResult?: string;
  resultFile?: string;
  checkRun?: string | boolean;
  headSha?: string;
  repo?: string;
  summaryFile?: string;
  pactsDir?: string;
  pull?: string;
  appSlug?: string;
}

const AFTER = `
Where the pull request's code must not run next to a write token (the contracts workflow):
  # job "verify": read-only token, runs the provider and its states module from the checkout
  havun contracts check --service billing --hub-dir hub --provider-url http://127.0.0.1:3000 \\
    --provider-start "npm start" --states-module test/pact-states.mjs \\
    --head-sha <head sha> --result-file pacts.json
  # job "report": checks: write, runs nothing of the pull request's; diffs the description from
  # git's objects and takes the Pact half from the verify job's file (absent or invalid: fails)
  havun contracts check --service billing --checkout pr --openapi openapi.yaml \\
    --base <base sha> --head <head sha> --pact-result pacts.json --check-run --head-sha <head sha> \\
    --pacts-dir hub --pull <pull request number> --app-slug havuncore   # + HAVUN_APP_PRIVATE_KEY

--pacts-dir lists, for each breaking change, the consumers whose pacts call what it touches.
--pull applies the breaking changes a writer accepted with /contracts accept <change id> <reason>
(recorded by the App in a signed comment): those pass, any other breaking change still fails.

Exit codes: 0 contract kept, 1 a breaking change or a broken pact, 2 a half could not run.`;

/**
 * `havun contracts check`: what the contracts workflow runs in a provider's pull request. The
 * OpenAPI diff against the base and every consumer's pact, reported as one check run; the two
 * halves can run in two jobs (`--result-file` where the provider runs, `--pact-result` where
 * the check run is published).
 */
export function registerContractCheck(contracts: Command): void {
  contracts
    .command("check")
    .description("a provider's contract check: OpenAPI diff + Pact verification → one check run")
    .requiredOption("--service <name>", "the service (its folder in the hub's registry)")
    .option("--openapi <path>", "the provider's OpenAPI description (repository-relative)")
    .option("--base <rev>", "the revision to compare with (the pull request's base commit)")
    .option(
      "--head <rev>",
      "read the head description at this revision from git, not from the working tree",
    )
    .option(
      "--checkout <dir>",
      "the provider repository's checkout; --openapi, --provider-start and --states-module are taken in it (default: the current directory)",
    )
    .addOption(
      new Option("--fail-on <level>", "the lowest level that fails")
        .choices(["ERR", "WARN", "INFO"])
        .default("ERR"),
    )
    .option("--hub-dir <dir>", "the hub's registry folder holding the pacts: verify them here")
    .option("--provider-url <url>", "where the provider answers")
    .option("--provider-start <command>", "start the provider with this command, stop it after")
    .option("--states-module <path>", "a module exporting the provider state handlers")
    .option(
      "--pact-result <file>",
      "take the Pact half from this --result-file of the job that ran the provider (absent or invalid: the Pact half fails); its OpenAPI part is ignored",
    )
    .option(
      "--pacts-dir <dir>",
      "the hub's registry folder, read for who calls what: each breaking change lists the consumers whose pacts exercise it",
    )
    .option(
      "--pull <number>",
      "apply the breaking changes accepted on this pull request (`/contracts accept`), signed by the App: needs HAVUN_APP_PRIVATE_KEY",
    )
    .option(
      "--app-slug <slug>",
      "the HavunCore App's slug, whose comments carry acceptances (default: HAVUN_APP_SLUG)",
    )
    .option("--result-file <file>", "also write the machine-readable result here (JSON)")
    .option(
      "--check-run [name]",
      "report as a check run (default name havun/contracts) with GITHUB_TOKEN",
    )
    .option(
      "--head-sha <sha>",
      "the commit checked (the pull request's head): the check run's commit, recorded in --result-file, and the one a --pact-result must be for",
    )
    .option("--repo <owner/name>", "the repository (default: GITHUB_REPOSITORY)")
    .option("--summary-file <path>", "append the summary here (default: GITHUB_STEP_SUMMARY)")
    .addHelpText("after", AFTER)
    .action(runCheck);
}

async function runCheck(flags: CheckFlags): Promise<void> {
  if (flags.openapi && !flags.base)
    throw new CliError("--openapi needs --base <rev> to compare with");
  if (flags.head && !flags.openapi) throw new CliError("--head needs --openapi <path>");
  if (flags.hubDir && !flags.providerUrl)
    throw new CliError("--hub-dir needs --provider-url (where the provider answers)");
  if (flags.hubDir && flags.pactResult)
    throw new CliError(
      "--hub-dir verifies the pacts here, --pact-result takes another job's result: pass one",
    );
  // Acceptances and consumer impact are about the OpenAPI diff's breaking changes.
  for (const [given, flag] of [
    [flags.pull, "--pull"],
    [flags.pactsDir, "--pacts-dir"],
  ] as const)
    if (given !== undefined && !flags.openapi)
      throw new CliError(
        `${flag} applies to the breaking changes of the OpenAPI diff: add --openapi <path> --base <rev>, or leave ${flag} out`,
      );
  if (flags.appSlug !== undefined && flags.pull === undefined)
    throw new CliError(
      "--app-slug names the App whose comments carry acceptances: add --pull <number>, or leave --app-slug out",
    );
  if (flags.resultFile && flags.headSha && !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(flags.headSha))
    throw new CliError("--head-sha must be the full commit sha to be recorded in --result-file");
  const cwd = resolve(flags.checkout ?? ".");
  const accepted = await acceptedChanges(flags);
  const { runContractCheck } = await import("../../contracts/gate/contract-check.ts");
  const result = await runContractCheck({
    service: flags.service,
    cwd,
    ...(flags.openapi
      ? {
          openapi: {
            path: flags.openapi,
            base: flags.base!,
            failOn: flags.failOn,
            ...(flags.head ? { head: flags.head } : {}),
          },
        }
      : {}),
    ...(flags.hubDir
      ? {
          pacts: {
            dir: flags.hubDir,
            providerUrl: flags.providerUrl!,
            ...(flags.providerStart ? { providerStart: flags.providerStart } : {}),
            ...(flags.statesModule
              ? {
                  statesModule: flags.checkout
                    ? resolve(cwd, flags.statesModule)
                    : flags.statesModule,
                }
              : {}),
          },
        }
      : {}),
    ...(flags.pactsDir ? { pactsDir: flags.pactsDir } : {}),
    ...(accepted.length ? { accepted } : {}),
    ...(flags.pactResult
      ? {
          pactResult: {
            file: flags.pactResult,
            ...(flags.headSha ? { headSha: flags.headSha } : {}),
          },
        }
      : {}),
  });
  const out = (s: string) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
  if (result.openapi) out(result.openapi.text);
  for (const p of result.problems) out(`havun: error: ${p.message}\n  ${p.hint}`);
  out(`${result.conclusion === "success" ? "✓" : "✗"} ${result.title}`);
  if (flags.resultFile) {
    const { writeResultFile } = await import("../../contracts/gate/result-file-write.ts");
    await writeResultFile(flags.resultFile, result, flags.headSha);
  }
  const summaryFile = flags.summaryFile ?? process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) await appendFile(summaryFile, `${result.summary}\n`);
  const reported = flags.checkRun ? await reportCheckRun(flags, result) : false;
  // Without a check run, the job's own check carries the annotations.
  if (!reported && result.workflowCommands) out(result.workflowCommands);
  process.exitCode = result.problems.length > 0 ? 2 : result.conclusion === "success" ? 0 : 1;
}
