/** Where a command is written: the hub issue or a task's sub-issue. */
export type Place = "hub" | "sub";

/** A slash command read from an issue body or comment. */
export type Command =
  | { kind: "orchestrate"; request: string }
  | { kind: "status" }
  | { kind: "approve" }
  /** Lets deployments that wait for approval start, or deploys a failed one again (hub only). */
  | { kind: "deploy" }
  /** Without a task id: the whole orchestration (hub) or this task (sub-issue). */
  | { kind: "cancel"; taskId?: string }
  /** With a task id in the hub; without one in a sub-issue (this task). */
  | { kind: "retry"; taskId?: string }
  | { kind: "replan"; request: string }
  | { kind: "note"; text: string }
  /** Declares an intended breaking change of a contract (hub only); the reason is free text. */
  | { kind: "breaking"; contract: string; reason: string }
  /** Sets the orchestration's budget in US dollars (hub only). */
  | { kind: "budget"; usd: number }
  | { kind: "help" }
  | { kind: "unknown"; name: string }
  /** A known command used wrongly: what is wrong and how to write it. */
  | { kind: "invalid"; name: string; message: string; fix: string };

export interface CommandInfo {
  name: string;
  /** How to write it, per place where it works. */
  usage: Partial<Record<Place, string>>;
  help: string;
}

/** Every command, once: parsing and the help text both read this list. */
export const COMMANDS: readonly CommandInfo[] = [
  {
    name: "orchestrate",
    usage: { hub: "/orchestrate <feature request>" },
    help: "plan a feature across the projects; the first line of a new hub issue (more lines may follow)",
  },
  { name: "status", usage: { hub: "/status", sub: "/status" }, help: "refresh the status" },
  { name: "approve", usage: { hub: "/approve" }, help: "start a plan that waits for approval" },
  {
    name: "deploy",
    usage: { hub: "/deploy" },
    help: "start the deployments that wait for approval (deploy: approval: true), or deploy a failed one again",
  },
  {
    name: "cancel",
    usage: { hub: "/cancel [task-id]", sub: "/cancel" },
    help: "cancel one task, or without a task id the whole orchestration (in a sub-issue: this task)",
  },
  {
    name: "retry",
    usage: { hub: "/retry <task-id>", sub: "/retry" },
    help: "run a failed task once more",
  },
  {
    name: "replan",
    usage: { hub: "/replan <what to change>" },
    help: "plan the unfinished work again with more to go on",
  },
  {
    name: "breaking",
    usage: { hub: "/breaking <contract> [reason]" },
    help: "allow a breaking change of a contract: its provider's pull request may merge once every consumer task is done",
  },
  {
    name: "budget",
    usage: { hub: "/budget <usd>" },
    help: "set the orchestration's budget to a new total in US dollars; dispatch resumes when it is above what was spent",
  },
  {
    name: "note",
    usage: { sub: "/note <text>" },
    help: "add a note the agent reads on its next attempt",
  },
  { name: "help", usage: { hub: "/help", sub: "/help" }, help: "list the commands" },
];
