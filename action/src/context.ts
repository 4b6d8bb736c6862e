import { readFileSync } from "node:fs";

/** Everything the Action needs from its run, parsed once. */
export interface ActionContext {
  repo: { owner: string; name: string; full: string };
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
  runUrl: string;
  workspace: string;
  runnerTemp: string;
  issueNumber: number;
  inputs: {
    anthropicApiKey: string;
    githubToken: string;
    model: string;
    maxTurns: number;
    allowedTools: string[];
    timeoutMinutes: number;
    budgetUsd: number;
    vaultKey: string;
    claudeCodeVersion: string;
    claudeCodePath: string;
    appSlug: string;
    progressIntervalMs: number;
  };
}

export class ActionInputError extends Error {
  readonly code = "ACTION_INPUT";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

function input(env: NodeJS.ProcessEnv, name: string, required = false): string {
  const value = (env[`INPUT_${name.toUpperCase()}`] ?? "").trim();
  if (required && !value)
    throw new ActionInputError(
      `input ${name} is required`,
      `set \`${name}\` in the workflow's \`with:\``,
    );
  return value;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = input(env, name);
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new ActionInputError(
      `input ${name} must be a positive number, not "${raw}"`,
      `fix \`${name}\` in the workflow`,
    );
  return n;
}

/** Reads the runner's environment and the event payload (an issue event on a sub-issue). */
export function readContext(env: NodeJS.ProcessEnv = process.env): ActionContext {
  const full = env.GITHUB_REPOSITORY ?? "";
  const [owner = "", name = ""] = full.split("/");
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? "", "utf8")) as {
    issue?: { number?: number };
  };
  const issueNumber = Number(event.issue?.number);
  if (!issueNumber)
    throw new ActionInputError(
      "this event has no issue",
      "run the agent on `issues: types: [labeled]` events of sub-issues",
    );
  const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
  const apiUrl = env.GITHUB_API_URL ?? "https://api.github.com";
  return {
    repo: { owner, name, full },
    apiUrl,
    graphqlUrl: env.GITHUB_GRAPHQL_URL ?? `${apiUrl}/graphql`,
    serverUrl,
    runUrl: `${serverUrl}/${full}/actions/runs/${env.GITHUB_RUN_ID ?? ""}`,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? "/tmp",
    issueNumber,
    inputs: {
      anthropicApiKey: input(env, "anthropic_api_key", true),
      githubToken: input(env, "github_token", true),
      model: input(env, "model"),
      maxTurns: number(env, "max_turns", 30),
      allowedTools: input(env, "allowed_tools")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      timeoutMinutes: number(env, "timeout_minutes", 30),
      budgetUsd: number(env, "budget_usd", 5),
      vaultKey: input(env, "vault_key"),
      claudeCodeVersion: input(env, "claude_code_version") || "2.1.329",
      claudeCodePath: input(env, "claude_code_path"),
      appSlug: input(env, "app_slug") || "havuncore",
      progressIntervalMs: number(env, "progress_interval_seconds", 5) * 1000,
    },
  };
}
