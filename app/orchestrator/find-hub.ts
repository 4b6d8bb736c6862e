import type { GitHubClient } from "../gateway/client.ts";
import { sharedGateQuery } from "../gate/shared-gate-read.ts";
import { hasAuthenticControl } from "../core/control.ts";
import { authenticSpec } from "../spec/spec-block.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";

export interface HubKey {
  hub: string;
  number: number;
}

/**
 * The orchestration an issue belongs to: its own (a hub issue the App runs: its signed control
 * state) or its spec's (a sub-issue: a spec the App signed, for this repository). Text anyone
 * can write routes nothing.
 */
export function hubOfIssue(
  repo: string,
  issue: { number: number; body?: string | null },
  signer: MarkerSigner,
): HubKey | null {
  const body = issue.body ?? "";
  const spec = authenticSpec(body, signer);
  if (spec && spec.task.repo.toLowerCase() === repo.toLowerCase())
    return { hub: spec.hub, number: spec.hub_issue };
  if (hasAuthenticControl(body, signer)) return { hub: repo, number: issue.number };
  return null;
}

/**
 * The orchestrations a pull request closes into (GitHub's closing references → sub-issues). It
 * reads the pull request's `Gate` query, shared with the merge gate's handlers of the same
 * event burst (app/gate/shared-gate-read.ts): `since` is the tick taken when the event was
 * received.
 */
export async function hubsOfPull(
  octokit: GitHubClient,
  repo: string,
  number: number,
  signer: MarkerSigner,
  since?: number,
): Promise<HubKey[]> {
  const data = await sharedGateQuery(octokit, repo, number, since);
  const out = new Map<string, HubKey>();
  for (const issue of data.repository?.pullRequest?.closingIssuesReferences.nodes ?? []) {
    const hub = hubOfIssue(issue.repository.nameWithOwner, issue, signer);
    if (hub) out.set(`${hub.hub}#${hub.number}`, hub);
  }
  return [...out.values()];
}
