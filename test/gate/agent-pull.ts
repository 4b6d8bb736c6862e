import { Octokit } from "@octokit/rest";
import { renderVerdict, type ContractsVerdict } from "../../contracts/gate/result-marker.ts";
import { ensureActionsIdentity } from "../../sandbox/actions/runner/actions-app.ts";
import { DEFAULT_WORKFLOW_PERMISSIONS } from "../../sandbox/actions/runner/permissions.ts";
import { issueJobToken } from "../../sandbox/actions/runner/token.ts";
import type { Sandbox } from "../../sandbox/index.ts";
import { quiet } from "../sandbox/fixtures.ts";

/** The identity the agent commits with (git config in the Action's job). */
const AGENT = { name: "HavunCore agent", email: "agent@havun.example" };

/** A job's GITHUB_TOKEN in `owner/repo` (github-actions[bot]), as the agent Action's job has. */
export function jobClient(sb: Sandbox, repo: string): Octokit {
  ensureActionsIdentity(sb.core);
  const [owner = "", name = ""] = repo.split("/");
  const record = sb.core.store.repo(owner, name)!;
  const token = issueJobToken(sb.core, record.id, 0, DEFAULT_WORKFLOW_PERMISSIONS, 3_600_000);
  return new Octokit({ auth: token.token, baseUrl: sb.apiUrl, log: quiet });
}

export interface AgentPull {
  repo: string;
  number: number;
  branch: string;
  headSha: string;
}

export const acceptanceSection = (items: [string, boolean][]) =>
  ["## Acceptance", "", ...items.map(([text, done]) => `- [${done ? "x" : " "}] ${text}`)].join(
    "\n",
  );

/**
 * What the agent Action does at the end of a task: a branch `havun/<hub issue>-<task id>`, a
 * commit, and a pull request whose body closes the sub-issue and carries the acceptance checklist.
 */
export async function openAgentPull(
  sb: Sandbox,
  o: {
    repo: string;
    hubIssue: number;
    taskId: string;
    subIssue: number;
    acceptance: [string, boolean][];
  },
): Promise<AgentPull> {
  const gh = jobClient(sb, o.repo);
  const [owner = "", repo = ""] = o.repo.split("/");
  const branch = `havun/${o.hubIssue}-${o.taskId}`;
  const main = await gh.git.getRef({ owner, repo, ref: "heads/main" });
  await gh.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: main.data.object.sha });
  const commit = await gh.repos.createOrUpdateFileContents({
    owner,
    repo,
    branch,
    path: `src/${o.taskId}.js`,
    message: `${o.taskId}: implement`,
    author: AGENT,
    committer: AGENT,
    content: Buffer.from(`// ${o.taskId}\n`).toString("base64"),
  });
  const body = [
    `Implements ${o.taskId}.`,
    "",
    `Closes ${o.repo}#${o.subIssue}`,
    "",
    acceptanceSection(o.acceptance),
  ].join("\n");
  const pr = await gh.pulls.create({
    owner,
    repo,
    head: branch,
    base: "main",
    title: o.taskId,
    body,
  });
  return { repo: o.repo, number: pr.data.number, branch, headSha: commit.data.commit.sha! };
}

/** Pushes another commit to the agent's branch (a `synchronize`); returns the new head. */
export async function pushCommit(sb: Sandbox, pull: AgentPull, path: string): Promise<string> {
  const [owner = "", repo = ""] = pull.repo.split("/");
  const res = await jobClient(sb, pull.repo).repos.createOrUpdateFileContents({
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
 * The `havun/contracts` check run the contracts workflow reports (with the job's token), with
 * its verdict marker, on a head commit.
 */
export async function reportContracts(
  sb: Sandbox,
  repo: string,
  headSha: string,
  verdict: ContractsVerdict,
  conclusion: "success" | "failure",
  title: string,
): Promise<void> {
  const [owner = "", name = ""] = repo.split("/");
  await jobClient(sb, repo).checks.create({
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
