import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inertBlock, inertCommitMessage } from "../../../app/text/inert.ts";
import { appApi } from "../shared/app-api.ts";
import { credentialForms, git, pushCommit } from "../shared/git.ts";
import { githubClient } from "../shared/github.ts";
import { ActionInputError, input, readJobEnv, type JobEnv } from "../shared/job-env.ts";
import type { RunResult } from "../../../app/api/schemas.ts";
import { standaloneGrant } from "./standalone-grant.ts";
import { mask, setOutput, writeSummary } from "../shared/outputs.ts";
import { redact } from "../shared/redact.ts";
import {
  BUNDLE_FILE,
  OUT_DIR,
  RESULT_FILE,
  resultSchema,
  type RunResultFile,
} from "../shared/run-files.ts";
import { checkChange, DEFAULT_LIMITS } from "./change-check.ts";
import { credentialsIn } from "./credential-scan.ts";
import { IssueWriter } from "./issue-writes.ts";
import { pullBody } from "./pull-body.ts";
import { openOrUpdatePull } from "./pull-request.ts";

function readResult(dir: string): RunResultFile {
  const path = join(dir, RESULT_FILE);
  const none = (reason: string): RunResultFile => ({
    v: 1,
    conclusion: "failure",
    reason,
    summary: "",
    tail: "",
    cost_usd: 0,
    turns: 0,
    input_tokens: 0,
    output_tokens: 0,
    duration_ms: 0,
    files: [],
    steps: [],
    tools: {},
    branch: "",
    base_sha: "0".repeat(40),
  });
  if (!existsSync(path)) return none("the agent job ended without a result (see the run log)");
  const parsed = resultSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  return parsed.success ? parsed.data : none("the agent job's result could not be read");
}

/**
 * The publish job: runs nothing from the agent's tree. It gets a token for this repository
 * only from the App (by its ID token), checks the agent's commit (paths, symlinks, sizes,
 * credentials also when encoded), then pushes it under a commit message of its own, opens or
 * updates the task's PR and reports on the sub-issue. A refused change pushes nothing.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const job: JobEnv = readJobEnv(env);
  const dir = input(env, "result_dir") || join(job.runnerTemp, OUT_DIR);
  const result = readResult(dir);
  const run = { conclusion: result.conclusion, cost_usd: result.cost_usd, turns: result.turns };
  const grant = job.appUrl
    ? await appApi.publish(job, { issue: job.issueNumber, hub: job.hub, result: run })
    : await standalone(env, job, run);
  for (const form of credentialForms(grant.token)) mask(form);
  const gh = githubClient(grant.token, job.apiUrl);
  const writer = new IssueWriter(gh, job, grant.bot);
  const spec = grant.spec;
  const { labels } = grant;
  const hidden = credentialForms(grant.token);
  const failed = async (headline: string, details: string[]): Promise<number> => {
    await writer.comment(
      redact(
        [
          `**HavunCore agent ${headline}** (attempt ${spec.attempt}). Nothing was pushed.`,
          "",
          ...details,
          "",
          `[Run log](${job.runUrl})`,
        ].join("\n"),
        hidden,
      ),
    );
    await writer.setStatus(labels.failed, [labels.running, labels.ready]);
    await writer.progress({ taskId: spec.task.id, state: "failed", steps: result.steps });
    setOutput("conclusion", "failure");
    process.stdout.write(`::error::${headline}\n`);
    return 1;
  };
  if (result.conclusion === "failure")
    return failed("failed", [
      inertBlock(result.reason ?? "unknown", { maxChars: 4000 }),
      ...(result.tail.trim()
        ? [
            "",
            "<details><summary>Last output</summary>",
            "",
            inertBlock(result.tail, { maxChars: 3000 }),
            "",
            "</details>",
          ]
        : []),
    ]);
  const bundle = join(dir, BUNDLE_FILE);
  if (!existsSync(bundle) || !result.commit_sha)
    return failed("failed", ["The agent job left no commit."]);
  await git(
    job.workspace,
    ["fetch", "--no-tags", bundle, `${result.branch}:refs/havun/incoming`],
    ["-c", "protocol.file.allow=always"],
  );
  const commit = await git(job.workspace, ["rev-parse", "refs/havun/incoming"]);
  const parents = (await git(job.workspace, ["rev-list", "--parents", "-n", "1", commit]))
    .split(" ")
    .slice(1);
  if (commit !== result.commit_sha || parents.length !== 1 || parents[0] !== result.base_sha)
    return failed("refused the change", [
      "The commit in the artifact is not the one the agent job reported on its base.",
    ]);
  const problems = await checkChange(job.workspace, result.base_sha, commit, {
    ...DEFAULT_LIMITS,
    protectedPaths: grant.protected_paths,
  });
  const added = await git(job.workspace, [
    "diff",
    "-U0",
    "--no-color",
    "--text",
    "--no-renames",
    result.base_sha,
    commit,
  ]);
  const addedLines = added
    .split("\n")
    .filter((l) => l.startsWith("+") && !l.startsWith("+++"))
    .join("\n");
  const creds = credentialsIn(`${addedLines}\n${result.files.join("\n")}\n${result.summary}`, [
    grant.token,
  ]);
  if (creds.length) problems.push(`it carries ${creds.join(", ")} (plain or encoded)`);
  if (problems.length)
    return failed(
      "refused the change",
      problems.map((p) => `- ${p}`),
    );
  // The commit that is pushed has HavunCore's message, whatever the agent's tree holds.
  const message = inertCommitMessage(
    `${spec.task.title}\n\nTask ${spec.task.id} of ${spec.hub}#${spec.hub_issue} (attempt ${spec.attempt}).`,
  );
  const tree = await git(job.workspace, ["rev-parse", `${commit}^{tree}`]);
  const published = await git(job.workspace, [
    "commit-tree",
    tree,
    "-p",
    result.base_sha,
    "-m",
    message,
  ]);
  await pushCommit({
    cwd: job.workspace,
    serverUrl: job.serverUrl,
    repo: job.repo.full,
    token: grant.token,
    sha: published,
    branch: result.branch,
  });
  const body = redact(
    pullBody({
      repo: job.repo.full,
      issue: job.issueNumber,
      spec,
      result,
      runUrl: job.runUrl,
      costMarker: grant.cost_marker,
    }),
    hidden,
  );
  const pr = await openOrUpdatePull(gh, job, {
    branch: result.branch,
    title: spec.task.title.replace(/[\u0000-\u001f]/g, " "),
    body,
  });
  await writer.setStatus(null, [labels.running, labels.ready, labels.failed]);
  await writer.progress({
    taskId: spec.task.id,
    state: `done: pull request #${pr}`,
    steps: result.steps,
  });
  setOutput("pr_number", pr);
  setOutput("conclusion", "success");
  writeSummary(
    `### HavunCore publish · ${spec.task.id}\n\nPushed \`${result.branch}\` and opened #${pr}: ${result.files.length} file(s), $${result.cost_usd.toFixed(2)}.`,
  );
  return 0;
}

/** Without the App server: the token and key HavunCore's publish workflow minted and passed. */
async function standalone(env: NodeJS.ProcessEnv, job: JobEnv, result: RunResult) {
  const token = input(env, "github_token");
  const privateKey = input(env, "app_private_key").replace(/\\n/g, "\n");
  if (!token || !privateKey)
    throw new ActionInputError(
      "the publish job has neither the App server (app_url) nor an App token and key",
      "set the HAVUN_APP_URL variable, or HAVUN_APP_ID and the HAVUN_APP_PRIVATE_KEY secret (see the README: without an exposed App server)",
    );
  for (const form of credentialForms(token)) mask(form);
  mask(privateKey);
  const hubToken = input(env, "hub_token");
  if (hubToken) for (const form of credentialForms(hubToken)) mask(form);
  return standaloneGrant({
    job,
    gh: githubClient(token, job.apiUrl),
    token,
    hubGh: hubToken ? githubClient(hubToken, job.apiUrl) : null,
    privateKey,
    appSlug: input(env, "app_slug") || "havuncore",
    result,
  });
}
