import { firstCommandLine, type CommandLine } from "./command-lines.ts";
import { parseBreaking } from "./breaking-command.ts";
import { parseBudget } from "./budget-command.ts";
import { COMMANDS, type Command, type Place } from "./command.ts";

const TASK_ID = /^[a-z][a-z0-9-]{1,39}$/;

function invalid(name: string, message: string, fix: string): Command {
  return { kind: "invalid", name, message, fix };
}

function elsewhere(name: string, where: Place): Command {
  const there = where === "hub" ? "a task's sub-issue" : "the hub issue";
  return invalid(name, `/${name} does not work here`, `comment /${name} on ${there}`);
}

/** A task id argument: one slug; `required` says whether it may be absent. */
function taskIdArg(line: CommandLine, usage: string): { taskId?: string } | Command {
  if (line.args === "") return {};
  const words = line.args.split(/\s+/);
  const id = (words[0] ?? "").toLowerCase();
  if (words.length > 1 || !TASK_ID.test(id)) {
    return invalid(
      line.name,
      `"${line.args}" is not a task id`,
      `write ${usage}, like /${line.name} api-endpoint`,
    );
  }
  return { taskId: id };
}

/**
 * The command in an issue body or comment, or null when there is none. The first command line
 * counts (outside code blocks, quotes and HTML comments); names ignore case. `/orchestrate`,
 * `/replan` and `/note` take the rest of the body as their text.
 */
export function parseCommand(body: string, where: Place): Command | null {
  const line = firstCommandLine(body);
  if (line === null) return null;
  const info = COMMANDS.find((c) => c.name === line.name);
  if (info === undefined) return { kind: "unknown", name: line.name };
  const usage = info.usage[where];
  if (usage === undefined) return elsewhere(line.name, where);
  switch (line.name) {
    case "orchestrate":
    case "replan": {
      if (line.rest === "")
        return invalid(line.name, `/${line.name} needs a request`, `write ${usage}`);
      return { kind: line.name, request: line.rest };
    }
    case "note":
      return line.rest === ""
        ? invalid("note", "/note needs text", `write ${usage}`)
        : { kind: "note", text: line.rest };
    case "breaking":
      return parseBreaking(line, usage);
    case "budget":
      return parseBudget(line, usage);
    case "cancel":
    case "retry": {
      if (where === "sub") {
        return line.args === ""
          ? { kind: line.name }
          : invalid(
              line.name,
              `/${line.name} in a sub-issue takes no task id`,
              `write /${line.name}, or use /${line.name} <task-id> on the hub issue`,
            );
      }
      const arg = taskIdArg(line, usage);
      if ("kind" in arg) return arg;
      if (line.name === "retry" && arg.taskId === undefined) {
        return invalid(
          "retry",
          "/retry on the hub issue needs a task id",
          `write ${usage}, like /retry api-endpoint`,
        );
      }
      return { kind: line.name, ...arg };
    }
    case "status":
    case "approve":
    case "deploy":
    case "help":
      return { kind: line.name };
    default:
      return { kind: "unknown", name: line.name };
  }
}

/** A new hub issue that asks for an orchestration: its body starts with `/orchestrate`. */
export function isOrchestrateIssue(body: string | null | undefined): boolean {
  return /^\s*\/orchestrate(?=\s|$)/i.test(body ?? "");
}
