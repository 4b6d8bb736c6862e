import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { renderVerdict, type ContractsVerdict } from "../../contracts/gate/result-marker.ts";
import { renderAcceptanceSection } from "../../app/spec/agent-pull.ts";
import { ensureActionsIdentity } from "../../sandbox/actions/runner/actions-app.ts";
import { DEFAULT_WORKFLOW_PERMISSIONS } from "../../sandbox/actions/runner/permissions.ts";
import { issueJobToken } from "../../sandbox/actions/runner/token.ts";
import type { Sandbox } from "../../sandbox/index.ts";
import { quiet } from "../sandbox/fixtures.ts";

/** The identity the agent commits with (git config in the Action's job). */
const AGENT = { name: "HavunCore agent", email: "agent@havun.example" };

/** A job's GITHUB_TOKEN in `owner/repo` (github-actions[bot]), as a workflow's job has. */
export function jobClient(sb: Sandbox, repo: string): Octokit {
  ensureActionsIdentity(sb.core);
  const [owner = "", name = ""] = repo.split("/");
  const record = sb.core.store.repo(owner, name)!;
  const token = issueJobToken(sb.core, record.id, 0, DEFAULT_WORKFLOW_PERMISSIONS, 3_600_000);
  return new Octokit({ auth: token.token, baseUrl: sb.apiUrl, log: quiet });
}

/** The HavunCore App's installation (havuncore[bot]), as the publish job's App token acts. */
export function appClient(sb: Sandbox): Octokit {
  const seeded = sb.seeded.apps.havuncore!;
  return new Octokit({
    baseUrl: sb.apiUrl,
    authStrategy: createAppAuth,
    auth: {
      appId: seeded.app.id,
      privateKey: seeded.app.privateKeyPem,
      installationId: seeded.installations[0]!.id,
    },
    log: quiet,
  });
}

export interface AgentPull {
  repo: string;
  number: number;
  branch: string;
  headSha: string;
  /** Who pushes to its branch: the App for a task's own pull request. */
  gh: Octokit;
}

/**
 * A branch with one commit and a pull request from it, by `gh`. What the publish job does for a
 * task (`gh` the App, `branch` `havun/<hub issue>-<task id>`, the body closing the sub-issue and
 * carrying HavunCore's checklist unticked), or, with other arguments, what someone else does.
 */
export async function openPull(
  gh: Octokit,
  o: { repo: string; branch: string; body: string; title: string },
): Promise<AgentPull> {
  const [owner = "", repo = ""] = o.repo.split("/");
  const main = await gh.git.getRef({ owner, repo, ref: "heads/main" });
  await gh.git.createRef({ owner, repo, ref: `refs/heads/${o.branch}`, sha: main.data.object.sha });
  const commit = await gh.repos.createOrUpdateFileContents({
    owner,
    repo,
    branch: o.branch,
    path: `src/${o.branch.replace(/\W/g, "-")}.js`,
    message: `${o.title}: implement`,
    author: AGENT,
    committer: AGENT,
    content: Buffer.from(`// ${o.title}\n`).toString("base64"),
  });
  const pr = await gh.pulls.create({
    owner,
    repo,
    head: o.branch,
    base: "main",
    title: o.title,
    body: o.body,
  });
  return {
    repo: o.repo,
    number: pr.data.number,
    branch: o.branch,
    headSha: commit.data.commit.sha!,
    gh,
  };
}

/** A task's own pull request, opened as the publish job opens it. */
export function openAgentPull(
  sb: Sandbox,
  o: { repo: string; hubIssue: number; taskId: string; subIssue: number; criteria: string[] },
): Promise<AgentPull> {
  return openPull(appClient(sb), {
    repo: o.repo,
    branch: `havun/${o.hubIssue}-${o.taskId}`,
    title: o.taskId,
    body: agentBody(o.repo, o.subIssue, o.criteria),
  });
}

/** The body the publish job writes, with an agent that claims everything is done. */
export function agentBody(repo: string, subIssue: number, criteria: string[]): string {
  return [
    `Closes ${repo}#${subIssue}`,
    "",
    "### What the agent reports",
    "",
    "```text",
    "All criteria met.",
    "```",
    "",
    renderAcceptanceSection(criteria),
  ].join("\n");
}

/** `body` with the given criteria ticked in HavunCore's checklist. */
export function ticked(body: string, criteria: string[]): string {
  return criteria.reduce((b, c) => b.replace(`- [ ] ${c}`, `- [x] ${c}`), body);
}

/** Ticks criteria in a pull request's checklist as `gh`'s account (a reviewer, a workflow). */
export async function tick(
  gh: Octokit,
  pull: { repo: string; number: number },
  criteria: string[],
) {
  const [owner = "", repo = ""] = pull.repo.split("/");
  const pr = await gh.pulls.get({ owner, repo, pull_number: pull.number });
  return gh.pulls.update({
    owner,
    repo,
    pull_number: pull.number,
    body: ticked(pr.data.body ?? "", criteria),
  });
}

/** Pushes another commit to the pull request's branch (a `synchronize`); returns the new head. */
export async function pushCommit(pull: AgentPull, path: string): Promise<string> {
  const [owner = "", repo = ""] = pull.repo.split("/");
  const res = await pull.gh.repos.createOrUpdateFileContents({
    owner,
    repo,
    branch: pull.branch,
    path,
    message: `fix ${path}`,
    author: AGENT,
    committer: AGENT,
    content: Buffer.from(`// ${path}\n`).toString("base64"),
  });
  return res.data.commit.sha!;
}

/**
 * The `havun/contracts` check run the contracts workflow reports (with the job's token, so from
 * GitHub Actions), with its verdict marker, on a head commit; `gh` reports it as another App.
 */
export async function reportContracts(
  sb: Sandbox,
  repo: string,
  headSha: string,
  verdict: ContractsVerdict,
  conclusion: "success" | "failure",
  title: string,
  gh: Octokit = jobClient(sb, repo),
): Promise<void> {
  const [owner = "", name = ""] = repo.split("/");
  await gh.checks.create({
    owner,
    repo: name,
    name: "havun/contracts",
    head_sha: headSha,
    external_id: `havun-contracts:${verdict.service}`,
    status: "completed",
    conclusion,
    output: {
      title,
      summary: `${renderVerdict(verdict)}\n## Contracts of \`${verdict.service}\`\n`,
    },
  });
}
