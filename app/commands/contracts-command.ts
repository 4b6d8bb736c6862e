import { CHANGE_ID } from "../../contracts/openapi/change-id.ts";
import { firstCommandLine } from "./command-lines.ts";

/** `/contracts …` in a pull request comment. */
export type ContractsCommand =
  | { kind: "accept"; changeId: string; reason: string }
  | { kind: "invalid"; message: string; fix: string };

export const CONTRACTS_USAGE = "/contracts accept <change id> <reason>";

/**
 * The `/contracts` command in a pull request comment, or null when the comment has none (its
 * first command is another one, or there is no command). Accepting needs the change id the
 * `havun/contracts` check lists and a reason, which is recorded with it.
 */
export function parseContractsCommand(body: string): ContractsCommand | null {
  const line = firstCommandLine(body);
  if (line?.name !== "contracts") return null;
  const [verb = "", id = "", ...rest] = line.args.split(/\s+/);
  const reason = rest.join(" ").trim();
  const example = `like /contracts accept 3f9a2b1c7d the v2 clients are all migrated`;
  if (verb.toLowerCase() !== "accept")
    return {
      kind: "invalid",
      message: verb
        ? `/contracts ${verb} is not a contracts command`
        : "/contracts needs what to do",
      fix: `write ${CONTRACTS_USAGE}, ${example}`,
    };
  const changeId = id.toLowerCase();
  if (!CHANGE_ID.test(changeId))
    return {
      kind: "invalid",
      message: id ? `"${id}" is not a change id` : "/contracts accept needs a change id",
      fix: `copy the change id (ten hex digits) from the breaking changes the \`havun/contracts\` check lists and write ${CONTRACTS_USAGE}, ${example}`,
    };
  if (reason === "")
    return {
      kind: "invalid",
      message: "/contracts accept needs a reason",
      fix: `say why the break is intended, which is recorded with it: ${CONTRACTS_USAGE}, ${example}`,
    };
  return { kind: "accept", changeId, reason };
}
