import type { Command } from "commander";

export function registerSandbox(program: Command): void {
  program
    .command("sandbox")
    .description("start a local GitHub")
    .action(() => {
      console.log("sandbox");
    });
}
