import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { Octokit } from "@octokit/rest";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/index.ts";

const run = promisify(execFile);

/** Octokit logs every 4xx; the tests assert them instead. */
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export function octokitFor(sb: Sandbox, token: string): Octokit {
  return new Octokit({ auth: token, baseUrl: sb.apiUrl, request: { retries: 0 }, log: quiet });
}

/** Receives webhooks (so the sandbox checks their payloads against GitHub's schemas) and keeps them. */
export async function webhookSink(): Promise<{
  url: string;
  events: { name: string; body: any }[];
  close(): Promise<void>;
}> {
  const events: { name: string; body: any }[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      events.push({ name: String(req.headers["x-github-event"]), body: JSON.parse(body) });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, events, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * Org `acme` (admin alice, member bob) with an App `observer` that receives the Actions
 * webhooks (workflow_run, workflow_job, check_run, check_suite), so their payloads are
 * validated. Repositories come from each test's `sb.seed(...)`.
 */
export async function actionsSandbox(
  hookUrl: string,
  options: SandboxOptions = {},
): Promise<Sandbox> {
  return startSandbox({
    secondaryRateLimit: 0,
    ...options,
    seed: {
      users: [{ login: "alice" }, { login: "bob" }],
      orgs: [{ login: "acme", members: { alice: "admin", bob: "member" } }],
      apps: [
        {
          slug: "observer",
          owner: "acme",
          webhookUrl: hookUrl,
          manifest: {
            default_permissions: {
              actions: "read",
              checks: "read",
              contents: "read",
              issues: "read",
            },
            default_events: ["workflow_run", "workflow_job", "check_run", "check_suite"],
          },
          installations: [{ account: "acme" }],
        },
      ],
      ...options.seed,
    },
  });
}

/** Adds a repository of `acme` (files as one initial commit); the observer App, installed on all of acme's, sees it. */
export async function addRepo(
  sb: Sandbox,
  name: string,
  files: Record<string, string>,
  extra: {
    secrets?: Record<string, string>;
    variables?: Record<string, string>;
    private?: boolean;
  } = {},
): Promise<void> {
  await sb.seed({
    repos: [{ owner: "acme", name, private: extra.private ?? true, files, ...extra }],
  });
}

/** Waits until the repository has `count` runs and none is queued or running. */
export async function settledRuns(sb: Sandbox, repo: string, count: number, timeoutMs = 60_000) {
  const gh = octokitFor(sb, sb.token("alice"));
  const until = Date.now() + timeoutMs;
  for (;;) {
    await sb.actions?.idle();
    const { data } = await gh.actions.listWorkflowRunsForRepo({
      owner: "acme",
      repo,
      per_page: 100,
    });
    if (data.total_count >= count && data.workflow_runs.every((r) => r.status === "completed"))
      return data.workflow_runs;
    if (Date.now() > until)
      throw new Error(
        `timed out waiting for ${count} runs in acme/${repo} (have ${data.total_count})`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function jobsOf(sb: Sandbox, repo: string, runId: number) {
  const gh = octokitFor(sb, sb.token("alice"));
  const { data } = await gh.actions.listJobsForWorkflowRun({ owner: "acme", repo, run_id: runId });
  return data.jobs;
}

/** A job's log as text (through the API's redirect to the log). */
export async function jobLog(sb: Sandbox, repo: string, jobId: number): Promise<string> {
  const gh = octokitFor(sb, sb.token("alice"));
  const res = await gh.actions.downloadJobLogsForWorkflowRun({
    owner: "acme",
    repo,
    job_id: jobId,
  });
  return typeof res.data === "string"
    ? res.data
    : Buffer.from(res.data as ArrayBuffer).toString("utf8");
}

const gitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_TERMINAL_PROMPT: "0",
};

/** git as a user on this machine. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const r = await run(
    "git",
    ["-c", "user.name=Alice", "-c", "user.email=alice@example.com", ...args],
    { cwd, env: gitEnv },
  );
  return r.stdout.trim();
}

export function remote(sb: Sandbox, token: string, repo: string): string {
  return `${sb.serverUrl.replace("http://", `http://x-access-token:${token}@`)}/acme/${repo}.git`;
}
