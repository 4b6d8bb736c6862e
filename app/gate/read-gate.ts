import type { GitHubClient } from "../gateway/client.ts";
import { findMarkers } from "../spec/markers.ts";
import { parseSpecBlock } from "../spec/spec-block.ts";
import type { GateCheckRun, GateInputs } from "./gate-inputs.ts";
import {
  GATE_QUERY,
  type GateCheckNode,
  type GateQueryResult,
  type GateTaskNode,
} from "./gate-query.ts";
import { siblingTasks } from "./sibling-tasks.ts";

export const GATE_CHECK = "havun/gate";

export interface GateRead {
  inputs: GateInputs;
  state: "OPEN" | "CLOSED" | "MERGED";
  /** The gate's own latest check run on the head commit, if any. */
  own: GateCheckRun | null;
}

/** Reads a pull request's gate inputs with one GraphQL request; null when it does not exist. */
export async function readGate(
  octokit: GitHubClient,
  repo: string,
  number: number,
  appSlug: string,
): Promise<GateRead | null> {
  const [owner = "", name = ""] = repo.split("/");
  const data = await octokit.graphql<GateQueryResult>(GATE_QUERY, { owner, name, number });
  const pr = data.repository?.pullRequest;
  if (!pr) return null;
  const isApp = (n: GateTaskNode) =>
    n.author?.login === `${appSlug}[bot]` || n.author?.login === appSlug;
  let task: GateInputs["task"] = null;
  let specProblem: string | null = null;
  for (const issue of pr.closingIssuesReferences.nodes) {
    const parsed = parseSpecBlock(issue.body);
    if (!parsed) continue;
    const ref = `${issue.repository.nameWithOwner}#${issue.number}`;
    if ("error" in parsed || !parsed.digestOk || !isApp(issue)) {
      specProblem ??= `the sub-issue [${ref}](${issue.url}) carries no intact task spec written by HavunCore (${"error" in parsed ? parsed.error : parsed.digestOk ? "not written by the App" : "it was edited"}): restore its spec block from the edit history, or \`/retry\` the task there for a fresh sub-issue body`;
      continue;
    }
    const spec = parsed.spec;
    const hub = issue.parent;
    task = {
      spec,
      issueUrl: issue.url,
      hubUrl: hub?.url ?? "",
      siblings: hub ? siblingTasks(hub.subIssues.nodes, spec.hub, spec.hub_issue, isApp) : [],
      breakingAllowed: hub
        ? findMarkers(hub.body, "breaking").flatMap((m) =>
            m.fields.contract ? [m.fields.contract] : [],
          )
        : [],
    };
    break;
  }
  if (!task && !specProblem && /^havun\//.test(pr.headRefName))
    specProblem = `the branch \`${pr.headRefName}\` is an agent's, but the pull request closes no HavunCore sub-issue: its body must say \`Closes owner/repo#<sub-issue>\``;
  const runs = (pr.statusCheckRollup?.contexts.nodes ?? []).flatMap(checkRun);
  const own = runs.filter((r) => r.name === GATE_CHECK && r.app === appSlug).pop() ?? null;
  return {
    state: pr.state,
    own,
    inputs: {
      pull: { repo, number: pr.number, url: pr.url, headSha: pr.headRefOid, body: pr.body },
      task,
      specProblem: task ? null : specProblem,
      checks: runs.filter((r) => !(r.name === GATE_CHECK && r.app === appSlug)),
    },
  };
}

function checkRun(n: GateCheckNode): GateCheckRun[] {
  if (n.__typename !== "CheckRun" || n.databaseId === undefined || !n.name) return [];
  return [
    {
      id: n.databaseId,
      name: n.name,
      app: n.checkSuite?.app?.slug ?? null,
      status: (n.status ?? "QUEUED") as GateCheckRun["status"],
      conclusion: n.conclusion ?? null,
      title: n.title ?? null,
      summary: n.summary ?? null,
      url: n.url ?? "",
    },
  ];
}
