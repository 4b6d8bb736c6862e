import { Command, CommanderError } from "commander";
import { CliError, formatError } from "./errors.ts";
import { registerSandbox } from "./commands/sandbox.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerVault } from "./commands/vault.ts";
import { registerContracts } from "./commands/contracts.ts";
import { registerApp } from "./commands/app.ts";
import { registerPlan } from "./commands/plan.ts";
import { registerStatus } from "./commands/status.ts";
import { registerStats } from "./commands/stats.ts";
import { registerEstimates } from "./commands/estimates.ts";
import { registerSnippets } from "./commands/snippets.ts";
import { registerOrchestrate } from "./commands/orchestrate.ts";
import { registerDashboard } from "./commands/dashboard.ts";
import { registerMcp } from "./commands/mcp.ts";
import { registerInit } from "./commands/init.ts";
import { registerDoctor } from "./commands/doctor.ts";

/** Builds the `havun` program; every subcommand lives in cli/commands/. */
export function buildProgram(): Command {
  const program = new Command("havun")
    .description("HavunCore: Git-native orchestration of AI coding agents across repositories")
    .showHelpAfterError()
    .exitOverride();
  registerDemo(program);
  registerSandbox(program);
  registerApp(program);
  registerPlan(program);
  registerStatus(program);
  registerStats(program);
  registerEstimates(program);
  registerOrchestrate(program);
  registerDashboard(program);
  registerMcp(program);
  registerInit(program);
  registerDoctor(program);
  registerVault(program);
  registerContracts(program);
  registerSnippets(program);
  return program;
}

/** Runs the CLI and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    process.stderr.write(formatError(err) + "\n");
    return err instanceof CliError ? err.exitCode : 1;
  }
}
