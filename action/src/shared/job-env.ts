import { readFileSync } from "node:fs";

/** A bad input or run context, with the fix. */
export class ActionInputError extends Error {
  readonly code = "ACTION_INPUT";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** What every entry point reads from the runner, parsed once. */
export interface JobEnv {
  repo: { owner: string; name: string; full: string };
  apiUrl: string;
  serverUrl: string;
  runUrl: string;
  workspace: string;
  runnerTemp: string;
  /** The sub-issue whose `havun:ready` label started the run. */
  issueNumber: number;
  /** The repository's default branch when the run started (the event's), the pull request's base. */
  defaultBranch?: string;
  /** The hub the calling workflow accepts work from (`owner/name`). */
  hub: string;
  /**
   * The HavunCore App server's address (its workflow API); null without one (standalone: the
   * job reads its task from the sub-issue and the publish job mints its own App token).
   */
  appUrl: string | null;
  /** The audience the job's ID token is asked for. */
  audience: string;
  /** The job's ID-token request URL and token (GitHub sets them when `id-token: write`). */
  idToken: { url: string; token: string } | null;
}

export function input(env: NodeJS.ProcessEnv, name: string, required = false): string {
  const value = (env[`INPUT_${name.toUpperCase()}`] ?? "").trim();
  if (required && !value)
    throw new ActionInputError(
      `input ${name} is required`,
      `set \`${name}\` in the workflow's \`with:\``,
    );
  return value;
}

export function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
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

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function readJobEnv(env: NodeJS.ProcessEnv = process.env): JobEnv {
  const full = env.GITHUB_REPOSITORY ?? "";
  const [owner = "", name = ""] = full.split("/");
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? "", "utf8")) as {
    issue?: { number?: number };
    repository?: { default_branch?: string };
  };
  const issueNumber = Number(event.issue?.number);
  if (!issueNumber)
    throw new ActionInputError(
      "this event has no issue",
      "run HavunCore's workflows on `issues: types: [labeled]` events of sub-issues",
    );
  const hub = input(env, "hub", true);
  if (!REPO.test(hub))
    throw new ActionInputError(
      `input hub must be OWNER/NAME, not "${hub}"`,
      "set `hub` to the hub repository this repository takes tasks from",
    );
  const appUrl = input(env, "app_url").replace(/\/+$/, "") || null;
  if (appUrl !== null && !/^https?:\/\//.test(appUrl))
    throw new ActionInputError(
      `input app_url must be an http(s) URL, not "${appUrl}"`,
      "set `app_url` (or the HAVUN_APP_URL variable) to the HavunCore App server's address, or leave it empty to run without one",
    );
  const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  return {
    repo: { owner, name, full },
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    serverUrl,
    runUrl: `${serverUrl}/${full}/actions/runs/${env.GITHUB_RUN_ID ?? ""}`,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? "/tmp",
    issueNumber,
    ...(event.repository?.default_branch ? { defaultBranch: event.repository.default_branch } : {}),
    hub,
    appUrl,
    audience: input(env, "audience") || "havuncore",
    idToken: url && token ? { url, token } : null,
  };
}
