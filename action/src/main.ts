import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_MODELS } from "../../app/config/agent-schema.ts";
import { ensureClaudeCode, runAgent, type AgentRun } from "./claude-code.ts";
import { readContext, type ActionContext } from "./context.ts";
import { changedFiles, commitAndPush, credentialForms } from "./git.ts";
import { githubClient } from "./github.ts";
import { IssueWriter } from "./issue-writes.ts";
import { mask, setOutput, writeSummary } from "./outputs.ts";
import { ProgressLog, Throttle } from "./progress.ts";
import { buildPrompt } from "./prompt.ts";
import { openOrUpdatePull, pullBody } from "./pull-request.ts";
import { redact } from "./redact.ts";
import { filesHoldingSecrets } from "./secret-guard.ts";
import { openSecrets } from "./secrets.ts";
import { readIssue, verifySpec } from "./verify-spec.ts";

const LABELS = { ready: "havun:ready", running: "havun:running", failed: "havun:failed" };

function progressBody(ctx: ActionContext, taskId: string, log: ProgressLog, state: string): string {
  const steps = log.steps.slice(-40).map((s) => `- [x] ${s}`);
  return [
    `**HavunCore agent** — task \`${taskId}\` · ${state} · [run](${ctx.runUrl})`,
    "",
    ...(steps.length ? steps : ["- [ ] starting…"]),
  ].join("\n");
}

/** The Action: one sub-issue in, one pull request out (or a clear failure). */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const ctx = readContext(env);
  mask(ctx.inputs.anthropicApiKey);
  for (const form of credentialForms(ctx.inputs.githubToken)) mask(form);
  if (ctx.inputs.vaultKey) mask(ctx.inputs.vaultKey);
  const gh = githubClient(ctx.inputs.githubToken, ctx.apiUrl);
  const issue = await readIssue(gh, ctx);
  const writer = new IssueWriter(gh, ctx);
  const verdict = verifySpec(issue, { repo: ctx.repo.full, appSlug: ctx.inputs.appSlug });
  if (!verdict.ok) {
    await writer.comment(`**HavunCore agent refused this task:** ${verdict.reason}.`);
    await writer.setStatus(null, [LABELS.ready]);
    setOutput("conclusion", "refused");
    process.stdout.write(`::error::${verdict.reason}\n`);
    return 1;
  }
  const spec = verdict.spec;
  const branch = `havun/${spec.hub_issue}-${spec.task.id}`;
  setOutput("branch", branch);
  await writer.setStatus(LABELS.running, [LABELS.ready, LABELS.failed]);
  const log = new ProgressLog(ctx.workspace);
  const throttle = new Throttle(ctx.inputs.progressIntervalMs, () =>
    writer.progress(progressBody(ctx, spec.task.id, log, "working")),
  );
  let secrets = new Map<string, string>();
  const hidden = () =>
    [
      ...secrets.values(),
      ...credentialForms(ctx.inputs.githubToken),
      ctx.inputs.anthropicApiKey,
      ctx.inputs.vaultKey,
    ].filter(Boolean);
  let agent: AgentRun | null = null;
  try {
    secrets = await openSecrets(gh, {
      hub: spec.hub,
      repo: ctx.repo.full,
      names: spec.task.secrets,
      privateKey: ctx.inputs.vaultKey,
    });
    for (const value of secrets.values()) mask(value);
    await writer.progress(progressBody(ctx, spec.task.id, log, "starting"));
    const claudeMdPath = join(ctx.workspace, "CLAUDE.md");
    const prompt = buildPrompt({
      spec,
      issueUrl: `${ctx.serverUrl}/${ctx.repo.full}/issues/${ctx.issueNumber}`,
      claudeMd: existsSync(claudeMdPath) ? readFileSync(claudeMdPath, "utf8") : null,
      notes: issue.notes,
      secretNames: [...secrets.keys()],
    });
    const bin = await ensureClaudeCode({
      path: ctx.inputs.claudeCodePath,
      version: ctx.inputs.claudeCodeVersion,
      cacheDir: env.RUNNER_TOOL_CACHE ?? ctx.runnerTemp,
    });
    const anthropic: Record<string, string> = { ANTHROPIC_API_KEY: ctx.inputs.anthropicApiKey };
    if (env.ANTHROPIC_BASE_URL) anthropic.ANTHROPIC_BASE_URL = env.ANTHROPIC_BASE_URL;
    agent = await runAgent({
      bin,
      tempDir: ctx.runnerTemp,
      cwd: ctx.workspace,
      prompt,
      model: ctx.inputs.model || DEFAULT_MODELS[spec.task.kind],
      maxTurns: ctx.inputs.maxTurns,
      allowedTools: ctx.inputs.allowedTools,
      budgetUsd: ctx.inputs.budgetUsd,
      timeoutMs: ctx.inputs.timeoutMinutes * 60_000,
      env: { ...anthropic, ...Object.fromEntries(secrets) },
      onEvent: (e) => {
        if (log.add(e)) throttle.poke();
      },
    });
    await throttle.done();
    const result = agent.result;
    if (agent.timedOut)
      throw new Error(`the agent ran out of time (${ctx.inputs.timeoutMinutes} min)`);
    if (!result || result.is_error)
      throw new Error(
        `the agent did not finish: ${result?.subtype ?? `exit code ${agent.exitCode}`}`,
      );
    const files = await changedFiles(ctx.workspace);
    if (files.length === 0) throw new Error("the agent changed no files");
    const leaking = filesHoldingSecrets(ctx.workspace, files, secrets.values());
    if (leaking.length)
      throw new Error(
        `the agent wrote a secret's value into ${leaking.join(", ")}; nothing was committed`,
      );
    const summary = redact(result.result ?? agent.texts.at(-1) ?? "", hidden());
    await commitAndPush({
      cwd: ctx.workspace,
      branch,
      message: `${spec.task.title}\n\nTask ${spec.task.id} of ${spec.hub}#${spec.hub_issue}.`,
      serverUrl: ctx.serverUrl,
      repo: ctx.repo.full,
      token: ctx.inputs.githubToken,
    });
    const facts = {
      spec,
      summary,
      turns: result.num_turns,
      inputTokens:
        result.usage.input_tokens +
        (result.usage.cache_read_input_tokens ?? 0) +
        (result.usage.cache_creation_input_tokens ?? 0),
      outputTokens: result.usage.output_tokens,
      costUsd: result.total_cost_usd,
      files,
    };
    const pr = await openOrUpdatePull(gh, ctx, {
      branch,
      title: spec.task.title,
      body: redact(pullBody(ctx, facts), hidden()),
    });
    await writer.setStatus(null, [LABELS.running]);
    await writer.progress(progressBody(ctx, spec.task.id, log, `done: pull request #${pr}`));
    setOutput("pr_number", pr);
    setOutput("conclusion", "success");
    setOutput("cost_usd", facts.costUsd.toFixed(4));
    setOutput("turns", facts.turns);
    writeSummary(jobSummary(spec.task.id, agent, files, facts.costUsd, pr));
    return 0;
  } catch (err) {
    await throttle.done().catch(() => undefined);
    const reason = redact((err as Error).message, hidden());
    const tail = redact(
      [...(agent?.texts ?? []).slice(-3), agent?.stderr ?? ""].join("\n").slice(-3000),
      hidden(),
    );
    await writer.comment(
      [
        `**HavunCore agent failed** (attempt ${spec.attempt}): ${reason}`,
        "",
        "<details><summary>Last output</summary>",
        "",
        "```",
        tail.trim() || "(none)",
        "```",
        "</details>",
        "",
        `[Run log](${ctx.runUrl})`,
      ].join("\n"),
    );
    await writer.setStatus(LABELS.failed, [LABELS.running, LABELS.ready]);
    setOutput("conclusion", "failure");
    if (agent?.result) setOutput("cost_usd", agent.result.total_cost_usd.toFixed(4));
    process.stdout.write(`::error::${reason}\n`);
    if (agent)
      writeSummary(jobSummary(spec.task.id, agent, [], agent.result?.total_cost_usd ?? 0, null));
    return 1;
  } finally {
    secrets.clear();
  }
}

function jobSummary(
  taskId: string,
  agent: AgentRun,
  files: string[],
  cost: number,
  pr: number | null,
): string {
  const tools = new Map<string, number>();
  for (const t of agent.toolUses) tools.set(t.name, (tools.get(t.name) ?? 0) + 1);
  const u = agent.result?.usage;
  return [
    `### HavunCore agent · ${taskId}`,
    "",
    `| turns | input tokens | output tokens | cost | duration | pull request |`,
    `|---:|---:|---:|---:|---:|---|`,
    `| ${agent.result?.num_turns ?? 0} | ${(u?.input_tokens ?? 0) + (u?.cache_read_input_tokens ?? 0) + (u?.cache_creation_input_tokens ?? 0)} | ${u?.output_tokens ?? 0} | $${cost.toFixed(2)} | ${(agent.durationMs / 1000).toFixed(1)} s | ${pr ? `#${pr}` : "—"} |`,
    "",
    `Tools: ${[...tools].map(([n, c]) => `${n} ×${c}`).join(", ") || "none"}`,
    "",
    files.length
      ? `Files changed:\n${files.map((f) => `- \`${f}\``).join("\n")}`
      : "No files changed.",
  ].join("\n");
}
