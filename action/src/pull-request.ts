import type { TaskSpec } from "../../app/spec/task-spec.ts";
import type { ActionContext } from "./context.ts";
import type { ActionOctokit } from "./github.ts";

export interface PullFacts {
  spec: TaskSpec;
  summary: string;
  turns: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  files: string[];
}

/** The PR body: what closes, what the agent did, the acceptance checklist, the run's figures. */
export function pullBody(ctx: ActionContext, f: PullFacts): string {
  return [
    `Closes ${ctx.repo.full}#${ctx.issueNumber}`,
    "",
    `Task **${f.spec.task.id}** of ${f.spec.hub}#${f.spec.hub_issue} (attempt ${f.spec.attempt}), implemented by Claude Code.`,
    "",
    "## Summary",
    "",
    f.summary.trim() || "_The agent gave no summary._",
    "",
    "## Acceptance",
    "",
    ...f.spec.task.acceptance.map((a) => `- [ ] ${a}`),
    "",
    "## Agent run",
    "",
    `| turns | input tokens | output tokens | cost | files changed |`,
    `|---:|---:|---:|---:|---:|`,
    `| ${f.turns} | ${f.inputTokens} | ${f.outputTokens} | $${f.costUsd.toFixed(2)} | ${f.files.length} |`,
    "",
    `[Run log](${ctx.runUrl})`,
    "",
    `<!-- havun:cost usd=${f.costUsd.toFixed(4)} -->`,
  ].join("\n");
}

/** Opens the branch's pull request, or updates the one a previous attempt opened. */
export async function openOrUpdatePull(
  gh: ActionOctokit,
  ctx: ActionContext,
  o: { branch: string; title: string; body: string },
): Promise<number> {
  const base = (await gh.rest.repos.get({ owner: ctx.repo.owner, repo: ctx.repo.name })).data
    .default_branch;
  const open = await gh.rest.pulls.list({
    owner: ctx.repo.owner,
    repo: ctx.repo.name,
    head: `${ctx.repo.owner}:${o.branch}`,
    state: "open",
  });
  const existing = open.data[0];
  if (existing) {
    await gh.rest.pulls.update({
      owner: ctx.repo.owner,
      repo: ctx.repo.name,
      pull_number: existing.number,
      title: o.title,
      body: o.body,
    });
    return existing.number;
  }
  const pr = await gh.rest.pulls.create({
    owner: ctx.repo.owner,
    repo: ctx.repo.name,
    head: o.branch,
    base,
    title: o.title,
    body: o.body,
  });
  return pr.data.number;
}
