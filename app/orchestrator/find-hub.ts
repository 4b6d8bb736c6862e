import type { GitHubClient } from "../gateway/client.ts";
import { readControlPresent } from "./hub-marker.ts";
import { parseSpecBlock } from "../spec/spec-block.ts";

export interface HubKey {
  hub: string;
  number: number;
}

/** The orchestration an issue belongs to: its own (a hub issue) or its spec's (a sub-issue). */
export function hubOfIssue(
  repo: string,
  issue: { number: number; body?: string | null },
): HubKey | null {
  const body = issue.body ?? "";
  const parsed = parseSpecBlock(body);
  if (parsed && "spec" in parsed) return { hub: parsed.spec.hub, number: parsed.spec.hub_issue };
  if (readControlPresent(body)) return { hub: repo, number: issue.number };
  return null;
}

interface ClosingQuery {
  repository: {
    pullRequest: {
      closingIssuesReferences: {
        nodes: { number: number; body: string; repository: { nameWithOwner: string } }[];
      };
    } | null;
  } | null;
}

/** The orchestrations a pull request closes into (GitHub's closing references → sub-issues). */
export async function hubsOfPull(
  octokit: GitHubClient,
  repo: string,
  number: number,
): Promise<HubKey[]> {
  const [owner = "", name = ""] = repo.split("/");
  const data = await octokit.graphql<ClosingQuery>(
    `query($owner: String!, $name: String!, $number: Int!) { repository(owner: $owner, name: $name) { pullRequest(number: $number) { closingIssuesReferences(first: 10) { nodes { number body repository { nameWithOwner } } } } } }`,
    { owner, name, number },
  );
  const out = new Map<string, HubKey>();
  for (const issue of data.repository?.pullRequest?.closingIssuesReferences.nodes ?? []) {
    const hub = hubOfIssue(issue.repository.nameWithOwner, issue);
    if (hub) out.set(`${hub.hub}#${hub.number}`, hub);
  }
  return [...out.values()];
}
