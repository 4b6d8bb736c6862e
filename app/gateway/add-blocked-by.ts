import type { Action } from "../core/actions.ts";
import { aliasedMutation, type AliasFailure } from "./aliased-mutation.ts";
import { splitRepo, type GitHubClient } from "./client.ts";

type Link = Extract<Action, { kind: "add-blocked-by" }>;

/** GitHub weighs each mutation; 20 a request keeps well inside its limits. */
const PER_REQUEST = 20;

/**
 * Marks issues blocked by others: every link of one apply in one aliased `addBlockedBy` request
 * (20 a request at most). A link that already exists counts as done (a redo after a crash); any
 * other failure is thrown.
 */
export async function addBlockedByLinks(octokit: GitHubClient, links: Link[]): Promise<void> {
  for (let start = 0; start < links.length; start += PER_REQUEST) {
    const chunk = links.slice(start, start + PER_REQUEST);
    const params = chunk.map((_, i) => `$i${i}: ID!, $b${i}: ID!`).join(", ");
    const fields = chunk.map(
      (_, i) =>
        `d${i}: addBlockedBy(input: { issueId: $i${i}, blockingIssueId: $b${i} }) { clientMutationId }`,
    );
    const variables = Object.fromEntries(
      chunk.flatMap((l, i) => [
        [`i${i}`, l.issue.nodeId],
        [`b${i}`, l.blockedBy.nodeId],
      ]),
    );
    const { failed } = await aliasedMutation(
      octokit,
      `mutation AddBlockedBy(${params}) {\n${fields.join("\n")}\n}`,
      variables,
    );
    for (const [alias, failure] of failed) {
      const link = chunk[Number(alias.slice(1))];
      if (!link)
        throw new Error(`addBlockedBy: an error at unknown alias ${alias}: ${failure.message}`);
      await requireLinked(octokit, link, failure);
    }
  }
}

/**
 * A refused link is done when it is there already: GitHub says so ("already exists"), or, for
 * any other UNPROCESSABLE wording, the blocked issue's dependencies list it.
 */
async function requireLinked(octokit: GitHubClient, link: Link, failure: AliasFailure) {
  const what = `${link.issue.repo}#${link.issue.number} blocked by ${link.blockedBy.repo}#${link.blockedBy.number}`;
  if (failure.type === "UNPROCESSABLE") {
    if (/already exists/i.test(failure.message)) return;
    // An issue has at most 50 blockers: one page lists them all.
    const listed = await octokit.request(
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by",
      { ...splitRepo(link.issue.repo), issue_number: link.issue.number, per_page: 100 },
    );
    if (listed.data.some((i) => i.id === link.blockedBy.id)) return;
  }
  throw new Error(`Could not mark ${what}: ${failure.message}`);
}
