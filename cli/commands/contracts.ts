import { existsSync, statSync } from "node:fs";
import { Option, type Command } from "commander";
import { CATALOGUE, type Level } from "../../contracts/openapi/catalogue/index.ts";
import { checkContract } from "../../contracts/openapi/check.ts";
import { ContractError } from "../../contracts/openapi/errors.ts";
import { FORMATS, type Format } from "../../contracts/openapi/format/index.ts";
import { validateRegistry } from "../../contracts/registry/validate.ts";
import { CliError } from "../errors.ts";
import { registerPactCommands } from "./contracts-pact.ts";

const LEVELS = ["ERR", "WARN", "INFO"] as const;

/** `havun contracts diff|validate|rules`: the OpenAPI breaking-change check and the registry. */
export function registerContracts(program: Command): void {
  const contracts = program
    .command("contracts")
    .description("API contracts: OpenAPI breaking-change checks and the contract registry");

  contracts
    .command("diff")
    .description("report what changed for clients between two OpenAPI descriptions")
    .argument(
      "<base>",
      "the old description: a file, or REV:PATH (e.g. main:contracts/api/openapi.yaml)",
    )
    .argument("<head>", "the new description: a file, or REV:PATH")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("text"))
    .addOption(
      new Option("--fail-on <level>", "exit 1 when a finding at or above this level exists")
        .choices(LEVELS)
        .default("ERR"),
    )
    .option("--allow-external-refs", "follow $refs into other local files (never the network)")
    .action(async (base: string, head: string, opts: DiffOptions) => {
      const result = await asCliError(() =>
        checkContract({
          base,
          head,
          format: opts.format,
          failOn: opts.failOn,
          allowExternalRefs: opts.allowExternalRefs === true,
        }),
      );
      process.stdout.write(result.output);
      process.exitCode = result.failed ? 1 : 0;
    });

  contracts
    .command("validate")
    .description(
      "check a hub's contract registry (contracts/<service>/contract.yml, openapi, pacts)",
    )
    .argument("[dir]", "the registry folder", "contracts")
    .action(async (dir: string) => {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new CliError(
          `${dir} is not a directory; run in a hub checkout or pass the registry folder`,
        );
      }
      const report = await asCliError(() => validateRegistry(dir));
      for (const i of report.issues)
        process.stdout.write(`${i.path}: ${i.message}\n  fix: ${i.fix}\n`);
      const n = report.services.length;
      process.stdout.write(
        `${n} service${n === 1 ? "" : "s"}, ${report.issues.length} problem${report.issues.length === 1 ? "" : "s"}\n`,
      );
      process.exitCode = report.issues.length > 0 ? 1 : 0;
    });

  contracts
    .command("rules")
    .description("list every rule id with its level")
    .action(() => {
      for (const r of CATALOGUE)
        process.stdout.write(`${r.level.padEnd(4)} ${r.id.padEnd(42)} ${r.description}\n`);
    });

  registerPactCommands(contracts);
}

interface DiffOptions {
  format: Format;
  failOn: Level;
  allowExternalRefs?: boolean;
}

/** Unusable input (missing file, bad YAML, not OpenAPI, bad revision) exits 2 with the fix. */
async function asCliError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof ContractError)) throw err;
    throw Object.assign(new CliError(err.message, 2), { code: err.code, hint: err.hint });
  }
}
