import { delimiter } from "node:path";
import { refName, RUNNER_ARCH } from "./contexts.ts";
import type { JobRuntime } from "./job-runtime.ts";

/**
 * The only parts of this machine's environment a job sees: PATH, locale, and the machine's
 * network settings (proxies, extra CA certificates), as a hosted runner's image has its own.
 */
const HOST_KEYS = [
  "PATH",
  "LANG",
  "LC_ALL",
  "TZ",
  "TERM",
  "NODE_EXTRA_CA_CERTS",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
];

/** Per-step files the runner reads back after the step. */
export type StepFiles = Record<"output" | "env" | "path" | "summary" | "state", string>;

/**
 * A step process's environment: host basics (PATH, locale), a throwaway HOME, GitHub's
 * default variables, then workflow/job `env`, GITHUB_ENV of earlier steps, and `layers`
 * (the step's `env`, action inputs) in that order of precedence.
 */
export function processEnv(
  rt: JobRuntime,
  files: StepFiles,
  ...layers: Record<string, string>[]
): Record<string, string> {
  const { env, record } = rt.setup;
  const { core, repo, run, trigger: t } = env;
  const host: Record<string, string> = {};
  for (const k of HOST_KEYS) if (process.env[k] !== undefined) host[k] = process.env[k]!;
  const owner = core.store.accountById(repo.ownerId);
  const defaults: Record<string, string> = {
    HOME: rt.home,
    TMPDIR: rt.temp,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_ACTOR: core.store.accountById(run.actorId).login,
    GITHUB_ACTOR_ID: String(run.actorId),
    GITHUB_TRIGGERING_ACTOR: core.store.accountById(run.triggeringActorId).login,
    GITHUB_API_URL: core.urls.api,
    GITHUB_GRAPHQL_URL: core.urls.graphql,
    GITHUB_SERVER_URL: core.urls.server,
    GITHUB_EVENT_NAME: t.event,
    GITHUB_EVENT_PATH: rt.eventPath,
    GITHUB_REPOSITORY: core.store.fullName(repo),
    GITHUB_REPOSITORY_ID: String(repo.id),
    GITHUB_REPOSITORY_OWNER: owner.login,
    GITHUB_REPOSITORY_OWNER_ID: String(owner.id),
    GITHUB_SHA: t.sha,
    GITHUB_REF: t.ref,
    GITHUB_REF_NAME: refName(t.ref),
    GITHUB_REF_TYPE: t.ref.startsWith("refs/tags/") ? "tag" : "branch",
    GITHUB_REF_PROTECTED: "false",
    GITHUB_HEAD_REF: t.headRef ?? "",
    GITHUB_BASE_REF: t.baseRef ?? "",
    GITHUB_RUN_ID: String(run.id),
    GITHUB_RUN_NUMBER: String(run.runNumber),
    GITHUB_RUN_ATTEMPT: String(run.runAttempt),
    GITHUB_RETENTION_DAYS: "90",
    GITHUB_WORKFLOW: run.name,
    GITHUB_WORKFLOW_REF: `${core.store.fullName(repo)}/${run.path}@${t.ref}`,
    GITHUB_WORKFLOW_SHA: t.sha,
    GITHUB_JOB: rt.setup.job.id,
    GITHUB_WORKSPACE: rt.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    RUNNER_OS: "Linux",
    RUNNER_ARCH,
    RUNNER_NAME: "sandbox-runner",
    RUNNER_ENVIRONMENT: "self-hosted",
    RUNNER_TEMP: rt.temp,
    RUNNER_TOOL_CACHE: rt.toolCache,
    RUNNER_WORKSPACE: rt.root,
    GITHUB_CHECK_RUN_ID: String(record.checkRunId),
    ...(rt.idToken
      ? {
          ACTIONS_ID_TOKEN_REQUEST_URL: rt.idToken.url,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: rt.idToken.token,
        }
      : {}),
  };
  const merged: Record<string, string> = {
    ...host,
    ...rt.jobEnv,
    ...rt.envFromFiles,
    ...Object.assign({}, ...layers),
    ...defaults,
  };
  merged.PATH = [...rt.pathPrepend, merged.PATH ?? host.PATH ?? "/usr/bin:/bin"].join(delimiter);
  return merged;
}
