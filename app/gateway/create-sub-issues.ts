import type { GitHubClient } from "./client.ts";
import { rememberLabelIds } from "./label-ids.ts";
import { makeLabels, missingLabels, type RepoLabels } from "./make-labels.ts";
import type { Action } from "../core/actions.ts";
import type { IssueRef } from "../core/state.ts";

export type Create = Extract<Action, { kind: "create-sub-issue" }>;

/** Repository ids and labels of every repository involved, in one GraphQL request. */
async function repoLabels(
  octokit: GitHubClient,
  repos: string[],
): Promise<Map<string, RepoLabels>> {
  const fields = repos.map((r, i) => {
    const [owner, name] = r.split("/");
    return `r${i}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) { id labels(first: 100) { nodes { id name } } }`;
  });
  const data = await octokit.graphql<Record<string, RepoLabels>>(
    `query RepoLabels { ${fields.join("\n")} }`,
  );
  return new Map(repos.map((r, i) => [r.toLowerCase(), data[`r${i}`]!]));
}

/**
 * Files the sub-issues: labels made where missing (one aliased request), then every issue
 * created already linked to the hub issue (`createIssue` with `parentIssueId`), all in one
 * GraphQL request — so a crash can never leave an issue created but unlinked.
 */
export async function createSubIssues(
  octokit: GitHubClient,
  hub: IssueRef,
  creates: Create[],
): Promise<void> {
  const repos = [...new Set(creates.map((c) => c.task.repo.toLowerCase()))];
  const info = await repoLabels(octokit, repos);
  await makeLabels(octokit, missingLabels(info, creates));
  for (const [repo, labels] of info) rememberLabelIds(repo, labels.labels.nodes);
  for (let start = 0; start < creates.length; start += BATCH) {
    await createBatch(octokit, hub, info, creates.slice(start, start + BATCH));
  }
}

/** GitHub weighs each mutation; 20 creates a request keeps well inside its limits. */
const BATCH = 20;

async function createBatch(
  octokit: GitHubClient,
  hub: IssueRef,
  info: Map<string, RepoLabels>,
  creates: Create[],
): Promise<void> {
  const mutations = creates.map((c, i) => {
    const repo = info.get(c.task.repo.toLowerCase())!;
    const labelIds = c.labels.map(
      (n) => repo.labels.nodes.find((l) => l.name.toLowerCase() === n.toLowerCase())!.id,
    );
    return `c${i}: createIssue(input: { repositoryId: ${JSON.stringify(repo.id)}, title: $t${i}, body: $b${i}, labelIds: ${JSON.stringify(labelIds)}, parentIssueId: ${JSON.stringify(hub.nodeId)} }) { issue { number } }`;
  });
  const params = creates.map((_, i) => `$t${i}: String!, $b${i}: String`).join(", ");
  const variables = Object.fromEntries(
    creates.flatMap((c, i) => [
      [`t${i}`, c.title],
      [`b${i}`, c.body],
    ]),
  );
  await octokit.graphql(
    `mutation CreateSubIssues(${params}) { ${mutations.join("\n")} }`,
    variables,
  );
}
