import type { CommandLine } from "./command-lines.ts";
import type { Command } from "./command.ts";

/** The most an orchestration's budget may be set to (the config's own ceiling). */
export const MAX_BUDGET_USD = 100_000;

/** `/budget <usd>`: the orchestration's new budget in US dollars (`$80`, `80`, `80.50`). */
export function parseBudget(line: CommandLine, usage: string): Command {
  const bad = (message: string): Command => ({
    kind: "invalid",
    name: "budget",
    message,
    fix: `write ${usage} with the new total in US dollars, like /budget 80`,
  });
  if (line.args === "") return bad("/budget needs an amount");
  const m = /^\$?(\d{1,6}(?:\.\d{1,2})?)$/.exec(line.args.trim());
  const usd = m ? Number(m[1]) : NaN;
  if (!m || !(usd > 0)) return bad(`"${line.args}" is not an amount in US dollars`);
  if (usd > MAX_BUDGET_USD)
    return bad(`$${usd} is more than the $${MAX_BUDGET_USD} a budget may be`);
  return { kind: "budget", usd };
}
