import { contractNameSchema } from "../config/contract-name.ts";
import type { CommandLine } from "./command-lines.ts";
import type { Command } from "./command.ts";

/** `/breaking <contract> [reason]`: the contract's name, then the rest of the line as the reason. */
export function parseBreaking(line: CommandLine, usage: string): Command {
  const [first = "", ...rest] = line.args.split(/\s+/);
  const contract = first.toLowerCase();
  if (first === "")
    return {
      kind: "invalid",
      name: "breaking",
      message: "/breaking needs a contract's name",
      fix: `write ${usage}, like /breaking payments-api the v2 response drops \`amount\``,
    };
  if (!contractNameSchema.safeParse(contract).success)
    return {
      kind: "invalid",
      name: "breaking",
      message: `"${first}" is not a contract name`,
      fix: `write ${usage} with the contract's folder name under contracts/, like /breaking payments-api`,
    };
  return { kind: "breaking", contract, reason: rest.join(" ").trim() };
}
