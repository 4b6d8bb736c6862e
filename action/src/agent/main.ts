import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { agentBranch } from "../../../app/spec/agent-pull.ts";
import { appApi } from "../shared/app-api.ts";
import { secretsIn } from "../shared/encoded-forms.ts";
import { writeFailureResult } from "../shared/failure-result.ts";
import { changedFiles, commitAll, git, mergeForRound } from "../shared/git.ts";
import { input, positiveNumber, readJobEnv } from "../shared/job-env.ts";
import { mask, setOutput, writeSummary } from "../shared/outputs.ts";
import { redact } from "../shared/redact.ts";
import {
  BUNDLE_FILE,
  OUT_DIR,
  RESULT_FILE,
  TRANSCRIPT_FILE,
  type RunResultFile,
} from "../shared/run-files.ts";
import { claudeArgs, ensureClaudeCode, runAgent, type AgentRun } from "./claude-code.ts";
import { readHandover, toolCounts } from "./handover.ts";
import { bubblewrapWorks, confine, findBubblewrap, installation } from "./isolation.ts";
import { startModelProxy } from "./model-proxy.ts";
import { ProgressLog, Throttle } from "./progress.ts";
import { buildPrompt } from "./prompt.ts";
import { reviewContext } from "./review-run.ts";
import { runSettings } from "./run-settings.ts";
import { placeSnippets } from "./snippet-files.ts";
import { machineSettings } from "./run-env.ts";

/**
 * The agent step: runs Claude Code confined (see isolation.ts) with the model key behind a
 * loopback proxy, then commits what it changed (the agent cannot write `.git`), refuses a change
 * that carries a secret in any encoding, and leaves the commit (a git bundle) and the run's
 * result for the publish job. It holds no credential that can write to GitHub.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const job = readJobEnv(env);
  const apiKey = input(env, "anthropic_api_key", true);
  mask(apiKey);
  const { task, secrets } = readHandover(job);
  const spec = task.spec;
  const branch = agentBranch(spec);
  const baseSha = await git(job.workspace, ["rev-parse", "HEAD"]);
  const out = join(job.runnerTemp, OUT_DIR);
  mkdirSync(out, { recursive: true });
  const hidden = () => [...secrets.values(), apiKey];
  const fail = (reason: string, agent: AgentRun | null): number => {
    const tail = redact(
      [...(agent?.texts ?? []).slice(-3), agent?.stderr ?? ""].join("\n"),
      hidden(),
    );
    writeFailureResult(job.runnerTemp, { reason: redact(reason, hidden()), branch, baseSha, tail });
    process.stdout.write(`::error::${redact(reason, hidden())}\n`);
    return 1;
  };
  const bwrap = findBubblewrap();
  if (!bwrap || !bubblewrapWorks(bwrap))
    return fail(
      "the agent cannot be confined: bubblewrap (bwrap) is missing or cannot create namespaces on this runner — install it (`sudo apt-get install -y bubblewrap`; HavunCore's agent workflow does) and allow unprivileged user namespaces",
      null,
    );
  const bin = await ensureClaudeCode({
    path: input(env, "claude_code_path"),
    version: input(env, "claude_code_version") || "2.1.329",
    cacheDir: env.RUNNER_TOOL_CACHE ?? job.runnerTemp,
  });
  // The task's agent decides model, fallback, limits, tools and standing instructions.
  const settings = runSettings(spec, input(env, "allowed_tools"));
  const maxTurns = settings.maxTurns;
  const proxy = await startModelProxy({
    upstream: env.ANTHROPIC_BASE_URL || "https://api.anthropic.com",
    apiKey,
    maxRequests: maxTurns * 4 + 20,
    fallback: settings.fallback,
  });
  const home = mkdtempSync(join(job.runnerTemp, "havun-home-"));
  const placed = placeSnippets(home, task.snippets);
  const log = new ProgressLog(job.workspace);
  // Without the App server (standalone) progress shows in the run's log only.
  const progress = new Throttle(positiveNumber(env, "progress_interval_seconds", 5) * 1000, () =>
    !job.appUrl
      ? Promise.resolve()
      : appApi
          .progress(job, {
            issue: job.issueNumber,
            hub: job.hub,
            state: "working",
            steps: log.steps.map((s) => redact(s, hidden())),
          })
          .then(() => undefined)
          .catch(
            (err: Error) =>
              void process.stdout.write(`::warning::progress not posted: ${err.message}\n`),
          ),
  );
  let agent: AgentRun | null = null;
  /** Leaves the run's result and transcript for the publish job. */
  const finish = (facts: RunResultFile): number => {
    writeFileSync(join(out, RESULT_FILE), JSON.stringify(facts));
    writeFileSync(
      join(out, TRANSCRIPT_FILE),
      redact(agent!.transcript.slice(-20_000_000), hidden()),
    );
    setOutput("conclusion", "success");
    setOutput("cost_usd", facts.cost_usd.toFixed(4));
    const switched = facts.fallback
      ? ` · switched from ${facts.fallback.from} to ${facts.fallback.to} after ${facts.fallback.after} busy answers`
      : "";
    writeSummary(
      `### HavunCore agent · ${spec.task.id}${facts.agent ? ` · ${facts.agent}` : ""}\n\n${facts.model ?? ""} · ${facts.turns} turns · ${facts.input_tokens} input / ${facts.output_tokens} output tokens · $${facts.cost_usd.toFixed(2)} · ${(agent!.durationMs / 1000).toFixed(1)} s · ${facts.output === "review" ? "a review" : `${facts.files.length} file(s) changed`} · ${proxy.requests()} model requests through the proxy${switched}`,
    );
    return 0;
  };
  try {
    // A conflict round merges the base branch in first; the agent resolves what conflicts.
    let conflicts: string[] = [];
    let mergedSha: string | undefined;
    if (task.fix && spec.round?.kind === "conflict") {
      mergedSha = await git(job.workspace, ["rev-parse", `origin/${task.fix.base}`]);
      conflicts = await mergeForRound(job.workspace, mergedSha);
    }
    const diffStat = task.fix
      ? await git(job.workspace, [
          "diff",
          "--no-ext-diff",
          "--stat",
          `origin/${task.fix.base}...HEAD`,
        ]).catch(() => "")
      : "";
    const fixContext = task.fix
      ? (JSON.parse(redact(JSON.stringify(task.fix), hidden())) as typeof task.fix)
      : null;
    // A reviewer's run: the pull request under review is what the job checked out.
    const review = settings.reviews
      ? await reviewContext(job.workspace, spec, settings.reviews)
      : null;
    const claudeMdPath = join(job.workspace, "CLAUDE.md");
    const prompt = buildPrompt({
      spec,
      issueUrl: `${job.serverUrl}/${job.repo.full}/issues/${job.issueNumber}`,
      claudeMd: existsSync(claudeMdPath) ? readFileSync(claudeMdPath, "utf8") : null,
      notes: task.notes,
      secretNames: [...secrets.keys()],
      snippets: { delivery: task.snippets, placed, ids: spec.task.snippets },
      fix: spec.round ? { context: fixContext, conflicts, diffStat: diffStat.slice(-4000) } : null,
      review,
    });
    const claude = installation(bin);
    const confined = confine({
      bwrap,
      program: claude.file,
      args: claudeArgs({
        prompt,
        model: settings.model,
        maxTurns,
        allowedTools: settings.allowedTools,
        ...(settings.tools ? { tools: settings.tools } : {}),
        ...(settings.instructions ? { instructions: settings.instructions } : {}),
        budgetUsd: settings.budgetUsd,
        addDirs: placed ? [placed.dir] : [],
      }),
      workspace: job.workspace,
      home,
      readOnly: [claude.dir],
      env: {
        PATH: env.PATH ?? "/usr/bin:/bin",
        HOME: home,
        ANTHROPIC_BASE_URL: proxy.url,
        ANTHROPIC_API_KEY: proxy.runKey,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
        DISABLE_AUTOUPDATER: "1",
        ...(process.getuid?.() === 0 ? { IS_SANDBOX: "1" } : {}),
        ...machineSettings(env),
        ...Object.fromEntries(secrets),
      },
    });
    agent = await runAgent({
      command: confined.command,
      args: confined.args,
      cwd: job.workspace,
      timeoutMs: positiveNumber(env, "timeout_minutes", 30) * 60_000,
      onEvent: (e) => {
        if (log.add(e)) progress.poke();
      },
    });
    await progress.done();
    const result = agent.result;
    if (agent.timedOut) return fail("the agent ran out of time", agent);
    if (!result || result.is_error)
      return fail(
        `the agent did not finish: ${result?.subtype ?? `exit code ${agent.exitCode}`}`,
        agent,
      );
    const summary = redact(result.result ?? agent.texts.at(-1) ?? "", hidden());
    const u = result.usage;
    const fallback = proxy.fallback();
    const facts = (o: { files: string[]; branch: string; commit?: string }): RunResultFile => ({
      v: 1,
      conclusion: "success",
      summary: summary.slice(0, 20_000),
      tail: "",
      cost_usd: result.total_cost_usd,
      turns: result.num_turns,
      input_tokens:
        u.input_tokens + (u.cache_read_input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0),
      output_tokens: u.output_tokens,
      duration_ms: agent!.durationMs,
      files: o.files.map((f) => redact(f, hidden())),
      steps: log.steps.map((s) => redact(s, hidden())).slice(-2000),
      tools: toolCounts(agent!),
      snippets: task.snippets.attached.map((a) => a.id),
      branch: o.branch,
      base_sha: baseSha,
      ...(o.commit ? { commit_sha: o.commit } : {}),
      ...(mergedSha ? { merged_sha: mergedSha } : {}),
      model: settings.model,
      ...(settings.agent ? { agent: settings.agent } : {}),
      ...(fallback ? { fallback } : {}),
      ...(review ? { output: "review" as const } : {}),
    });
    // A reviewer's run ends in its review (its summary): nothing is committed; publish posts it.
    if (review) return finish(facts({ files: [], branch: review.branch }));
    const files = await changedFiles(job.workspace);
    if (files.length === 0 && !mergedSha) return fail("the agent changed no files", agent);
    if (conflicts.length) {
      const left = await git(job.workspace, [
        "grep",
        "-l",
        "-e",
        "^<<<<<<< ",
        "--",
        ...conflicts,
      ]).catch(() => "");
      if (left) return fail(`conflict markers are left in ${left.split("\n").join(", ")}`, agent);
    }
    const message = `${spec.task.title}\n\nTask ${spec.task.id} of ${spec.hub}#${spec.hub_issue} (attempt ${spec.attempt}${spec.round ? `, fix round ${spec.round.n}` : ""}).`;
    const commit = await commitAll(job.workspace, branch, message);
    const diff = await git(job.workspace, [
      "diff",
      "--no-ext-diff",
      "--no-textconv",
      "--binary",
      baseSha,
      commit,
    ]);
    const carried = secretsIn(
      `${files.join("\n")}\n${diff}`,
      new Map([...secrets, ["the model key", apiKey]]),
    );
    if (carried.length)
      return fail(
        `the agent's change carries ${carried.join(", ")} (plain or encoded); nothing is published`,
        agent,
      );
    await git(job.workspace, ["bundle", "create", join(out, BUNDLE_FILE), branch, `^${baseSha}`]);
    return finish(facts({ files, branch, commit }));
  } catch (err) {
    await progress.done().catch(() => undefined);
    return fail((err as Error).message, agent);
  } finally {
    secrets.clear();
    await proxy.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
