/**
 * docs/commands.md from the code: the issue commands from app/commands/command.ts (the list the
 * App parses and its /help prints) and the CLI's commands, options and arguments from the
 * commander program in cli/main.ts. A test fails when the committed page is stale.
 */
import type { Command } from "commander";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { COMMANDS } from "../app/commands/command.ts";
import { buildProgram } from "../cli/main.ts";

export const COMMANDS_DOC = fileURLToPath(new URL("../docs/commands.md", import.meta.url));

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function issueCommands(): string[] {
  const out = [
    "| command | on the hub issue | on a sub-issue | what it does |",
    "| --- | --- | --- | --- |",
  ];
  for (const c of COMMANDS) {
    const at = (u?: string) => (u ? `\`${u}\`` : "");
    out.push(
      `| ${c.name} | ${cell(at(c.usage.hub))} | ${cell(at(c.usage.sub))} | ${cell(c.help)} |`,
    );
  }
  return out;
}

function cliCommand(cmd: Command, path: string[]): string[] {
  const name = [...path, cmd.name()].join(" ");
  const args = cmd.registeredArguments
    .map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`) + (a.variadic ? "…" : ""))
    .join(" ");
  const subs = cmd.commands.filter((c) => c.name() !== "help");
  const out = [`### \`${name}${args ? ` ${args}` : ""}\``, "", cmd.description(), ""];
  const options = cmd.options.filter((o) => !o.hidden);
  if (options.length) {
    out.push("| option | what it does |", "| --- | --- |");
    for (const o of options) {
      const dflt =
        o.defaultValue !== undefined && o.defaultValue !== false
          ? ` (default: \`${String(o.defaultValue)}\`)`
          : "";
      out.push(`| \`${cell(o.flags)}\` | ${cell(o.description + dflt)} |`);
    }
    out.push("");
  }
  for (const sub of subs) out.push(...cliCommand(sub, [...path, cmd.name()]));
  return out;
}

/** The whole page, unformatted. */
export function commandsDocText(): string {
  const program = buildProgram();
  const top = program.commands.filter((c) => c.name() !== "help");
  return [
    "# Commands",
    "",
    "<!-- Generated from app/commands/command.ts and cli/main.ts by `npx tsx scripts/commands-doc.ts`; do not edit. -->",
    "",
    "## On GitHub: the hub issue and the sub-issues",
    "",
    "Write a command as a comment (or, for `/orchestrate`, as the first line of a new hub issue's",
    "body). Only people with write, maintain or admin access may command (checked with GitHub's",
    "permission API); others get a 👎 reaction and, once per issue, a short comment. More than 10",
    "commands a minute from one sender are dropped; bots are ignored; an unknown command gets the",
    "help.",
    "",
    ...issueCommands(),
    "",
    "## On an agent's pull request",
    "",
    "- A writer's review that requests changes, or a writer's comment `/havun <instructions>`,",
    "  sends the agent a fix round on the same branch (`agent.fix_attempts` bounds them; others'",
    "  reviews and comments never reach the agent).",
    "- Ticking the acceptance checklist in the pull request body (as a writer) is what the merge",
    "  gate `havun/gate` waits for; its check run has a **Re-run gate** button.",
    "",
    "## On the command line: `havun`",
    "",
    "`npx havun <command> --help` prints the same. Commands that talk to GitHub take",
    "`--token` (or `GITHUB_TOKEN`) and `--api-url` (or `GITHUB_API_URL`: GitHub Enterprise Server",
    "or a `havun sandbox`).",
    "",
    ...top.flatMap((c) => cliCommand(c, ["havun"])),
  ].join("\n");
}

/** The page as committed (formatted as Prettier does). */
export async function commandsDoc(): Promise<string> {
  const options = (await resolveConfig(COMMANDS_DOC)) ?? {};
  return format(commandsDocText(), { ...options, parser: "markdown" });
}
