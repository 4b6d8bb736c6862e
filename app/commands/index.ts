export { COMMANDS, type Command, type CommandInfo, type Place } from "./command.ts";
export { isOrchestrateIssue, parseCommand } from "./parse-command.ts";
