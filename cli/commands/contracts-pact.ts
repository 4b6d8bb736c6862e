import { writeFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import { ContractError } from "../../contracts/openapi/errors.ts";
import { PactError } from "../../contracts/pact/errors.ts";
import { formatVerifyReport, PACT_FORMATS, type PactFormat } from "../../contracts/pact/format.ts";
import { CliError } from "../errors.ts";
import { registerContractCheck } from "./contracts-check.ts";

/** `havun contracts publish-pact | verify-pacts | check`: Pact across repositories. */
export function registerPactCommands(contracts: Command): void {
  contracts
    .command("publish-pact")
    .description("check a consumer's Pact file and copy it into the hub's contract registry")
    .argument("<file>", "the pact a consumer test wrote (pacts/<consumer>-<service>.json)")
    .requiredOption("--hub-dir <dir>", "the hub's registry folder (contracts/ in a hub checkout)")
    .requiredOption("--service <name>", "the service the pact is for (its registry folder)")
    .action(async (file: string, opts: { hubDir: string; service: string }) => {
      const { publishPact } = await import("../../contracts/pact/publish.ts");
      const r = await asCliError(() => publishPact({ file, ...opts }));
      process.stdout.write(
        `${r.replaced ? "replaced" : "published"} ${r.consumer}'s pact (${r.interactions} interaction${r.interactions === 1 ? "" : "s"}) at ${r.path}\n`,
      );
    });

  contracts
    .command("verify-pacts")
    .description("verify every consumer's pact for a service against the running provider")
    .option("--dir <dir>", "the hub's registry folder", "contracts")
    .requiredOption("--service <name>", "the service (registry folder) to verify")
    .requiredOption(
      "--provider-url <url>",
      "where the provider answers, e.g. http://127.0.0.1:3000",
    )
    .option("--states-module <path>", "a module exporting the provider state handlers")
    .option(
      "--provider-start <command>",
      "start the provider with this command first, stop it after",
    )
    .addOption(
      new Option("--format <format>", "report format").choices(PACT_FORMATS).default("text"),
    )
    .option(
      "--output <file>",
      "write the report here instead of stdout (the verifier logs to stdout)",
    )
    .action(async (opts: VerifyOptions) => {
      // Pact's native core loads only for the commands that use it.
      const { startProvider, loadStateHandlers, verifyPacts } =
        await import("../../contracts/pact/index.ts");
      const report = await asCliError(async () => {
        const stateHandlers = opts.statesModule
          ? await loadStateHandlers(opts.statesModule, { providerUrl: opts.providerUrl })
          : undefined;
        const provider = opts.providerStart
          ? await startProvider(opts.providerStart, opts.providerUrl)
          : null;
        try {
          return await verifyPacts({
            dir: opts.dir,
            service: opts.service,
            providerUrl: opts.providerUrl,
            ...(stateHandlers ? { stateHandlers } : {}),
          });
        } finally {
          await provider?.stop();
        }
      });
      const text = formatVerifyReport(report, opts.format);
      if (opts.output) await writeFile(opts.output, text);
      else process.stdout.write(text);
      process.exitCode = report.ok ? 0 : 1;
    });

  registerContractCheck(contracts);
}

interface VerifyOptions {
  dir: string;
  service: string;
  providerUrl: string;
  statesModule?: string;
  providerStart?: string;
  format: PactFormat;
  output?: string;
}

/** Unusable input (a bad pact, an unknown service, no provider) exits 2 with the fix. */
export async function asCliError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof PactError || err instanceof ContractError)) throw err;
    throw Object.assign(new CliError(err.message, 2), { code: err.code, hint: err.hint });
  }
}
