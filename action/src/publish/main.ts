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
import { publishTaskPull } from "./pull-request.ts";
import { publishReview } from "./review-publish.ts";

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
  const writer = new IssueWriter(gh, job, grant.bot, grant.progress_comment ?? null);
  const spec = grant.spec;
  const { labels } = grant;
  const hidden = credentialForms(grant.token);
  // Without the App server nobody took `ready` when the run started: take it now, before anything
  // is pushed (running first, so the task never looks undispatched in between).
  if (!job.appUrl && (await writer.stillOurs(spec))) {
    await writer.setStatus(labels.running, []);
    await writer.setStatus(null, [labels.ready]);
  }
  const failed = async (headline: string, details: string[]): Promise<number> => {
    const text = [
      `**HavunCore agent ${headline}** (attempt ${spec.attempt}). Nothing was pushed.`,
      "",
      ...details,
      "",
      `[Run log](${job.runUrl})`,
    ].join("\n");
    // The run's cost, signed by the App: a failed run counts against the budget too.
    await writer.comment(`${redact(text, hidden)}\n${grant.cost_marker}`);
    // Labels are this run's only while no newer round or attempt was dispatched meanwhile.
    if (await writer.stillOurs(spec))
      await writer.setStatus(labels.failed, [labels.running, labels.ready]);
    await writer.progress({ taskId: spec.task.id, state: "failed", steps: result.steps });
    setOutput("conclusion", "failure");
    process.stdout.write(`::error::${headline}\n`);
    return 1;
  };
  // Claude Code ends a run that reaches `--max-budget-usd` (the task's per_task) this way.
  const overBudget = (result.reason ?? "").includes("error_max_budget_usd");
  if (result.conclusion === "failure")
    return failed(overBudget ? "stopped at its budget" : "failed", [
      ...(overBudget
        ? [
            `The run reached the task's budget of $${(spec.agent?.budget_usd ?? 0).toFixed(2)} (\`agent.budget_usd.per_task\` in the hub's \`.github/havun.yml\`), so Claude Code stopped it.`,
            "",
          ]
        : []),
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
  // A reviewer's run (the App-signed spec says so): its review goes onto the reviewed task's PR.
  if (spec.agent?.produces === "review") {
    const posted = await publishReview({ gh, job, grant, result, writer, hidden });
    if (!posted.ok) return failed(posted.headline, posted.details);
    if (await writer.stillOurs(spec)) {
      await writer.setStatus(null, [labels.running]);
      await writer.progress({
        taskId: spec.task.id,
        state: `done: ${posted.posted} on pull request #${posted.pull}`,
        steps: result.steps,
      });
      await writer.closeCompleted();
    }
    setOutput("pr_number", posted.pull);
    setOutput("conclusion", "success");
    writeSummary(
      `### HavunCore publish · ${spec.task.id}\n\nPosted the review of #${posted.pull}: ${posted.url}`,
    );
    return 0;
  }
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
  // One parent (its base), or two for a round that merged the base branch in.
  const expected = [result.base_sha, ...(result.merged_sha ? [result.merged_sha] : [])];
  if (commit !== result.commit_sha || parents.join(" ") !== expected.join(" "))
    return failed("refused the change", [
      "The commit in the artifact is not the one the agent job reported on its base.",
    ]);
  // After a merge: what the pull request will show against its base branch; else the run's change.
  const from = result.merged_sha ?? result.base_sha;
  const problems = await checkChange(job.workspace, from, commit, {
    ...DEFAULT_LIMITS,
    protectedPaths: grant.protected_paths,
  });
  const added = await git(job.workspace, [
    "diff",
    "--no-ext-diff",
    "--no-textconv",
    "-U0",
    "--no-color",
    "--text",
    "--no-renames",
    from,
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
  const round = spec.round ? `, fix round ${spec.round.n}` : "";
  const message = inertCommitMessage(
    `${spec.task.title}\n\nTask ${spec.task.id} of ${spec.hub}#${spec.hub_issue} (attempt ${spec.attempt}${round}).`,
  );
  const tree = await git(job.workspace, ["rev-parse", `${commit}^{tree}`]);
  const published = await git(job.workspace, [
    "commit-tree",
    tree,
    ...expected.flatMap((p) => ["-p", p]),
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
  const pr = await publishTaskPull(gh, job, {
    branch: result.branch,
    title: spec.task.title.replace(/[\u0000-\u001f]/g, " "),
    draft: spec.agent?.draft ?? false,
    firstRound: (spec.round?.n ?? 0) === 0,
    body: (open) =>
      redact(
        pullBody({
          repo: job.repo.full,
          issue: job.issueNumber,
          spec,
          result,
          runUrl: job.runUrl,
          costMarker: grant.cost_marker,
          // Earlier runs are carried over only from a body the App's bot wrote.
          previous: open && open.bot === grant.bot ? open.body : null,
        }),
        hidden,
      ),
  });
  // A review round answers on each thread it was given.
  for (const id of grant.replies)
    await gh.rest.pulls
      .createReplyForReviewComment({
        owner: job.repo.owner,
        repo: job.repo.name,
        pull_number: pr,
        comment_id: id,
        body: `HavunCore's agent pushed \`${published.slice(0, 12)}\` for this (fix round ${spec.round?.n ?? 0}); what it did is in the pull request's runs.`,
      })
      .catch(
        (err: Error) =>
          void process.stdout.write(
            `::warning::could not reply on review comment ${id}: ${err.message}\n`,
          ),
      );
  // Only `running` is this run's to clear: the App's task endpoint took `ready` and `failed` off
  // when the run started, and either one set now is the App's for a newer round (a fix round
  // can be dispatched the moment this push's checks fail, before this job ends).
  if (await writer.stillOurs(spec)) await writer.setStatus(null, [labels.running]);
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
