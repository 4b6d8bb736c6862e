import { COMMANDS, type Place } from "../commands/command.ts";
import { closest } from "../config/suggest.ts";
import { code } from "./markdown.ts";

export interface HelpContext {
  /** Which commands to list; both places when absent. */
  where?: Place;
  /** The unknown command that was written, without its slash. */
  unknown?: string;
}

/** The list of commands, for `/help` and in answer to an unknown command. */
export function renderHelp(ctx: HelpContext = {}): string {
  const places: Place[] = ctx.where === undefined ? ["hub", "sub"] : [ctx.where];
  const intro: string[] = [];
  if (ctx.unknown !== undefined) {
    const near = closest(
      ctx.unknown,
      COMMANDS.map((c) => c.name),
    );
    const hint = near === undefined ? "" : ` Did you mean ${code(`/${near}`)}?`;
    intro.push(`${code(`/${ctx.unknown}`)} is not a HavunCore command.${hint}`, "");
  }
  const sections = places.map((place) => {
    const title = place === "hub" ? "On the hub issue" : "On a task's sub-issue";
    const rows = COMMANDS.flatMap((c) => {
      const usage = c.usage[place];
      return usage === undefined ? [] : [`| ${code(usage)} | ${c.help} |`];
    });
    return [`**${title}**`, "", "| Command | What it does |", "|---|---|", ...rows].join("\n");
  });
  return [
    ...intro,
    "### HavunCore commands",
    "",
    "Write a command at the start of a line of a comment (not in a quote or a code block).",
    "",
    sections.join("\n\n"),
    "",
  ].join("\n");
}
