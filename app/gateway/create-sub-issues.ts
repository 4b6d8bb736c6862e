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
/** A sub-issue the filing made: what its webhooks will say. */
export interface CreatedIssue {
  repo: string;
  number: number;
  /** Its REST id (sub-issue events name it). */
  id: number;
  labels: string[];
}

export async function createSubIssues(
  octokit: GitHubClient,
  hub: IssueRef,
  creates: Create[],
): Promise<CreatedIssue[]> {
  const repos = [...new Set(creates.map((c) => c.task.repo.toLowerCase()))];
  const info = await repoLabels(octokit, repos);
  await makeLabels(octokit, missingLabels(info, creates));
  for (const [repo, labels] of info) rememberLabelIds(repo, labels.labels.nodes);
  const created: CreatedIssue[] = [];
  for (let start = 0; start < creates.length; start += BATCH)
    created.push(...(await createBatch(octokit, hub, info, creates.slice(start, start + BATCH))));
  return created;
}

/** GitHub weighs each mutation; 20 creates a request keeps well inside its limits. */
const BATCH = 20;

async function createBatch(
  octokit: GitHubClient,
  hub: IssueRef,
  info: Map<string, RepoLabels>,
  creates: Create[],
): Promise<CreatedIssue[]> {
  const mutations = creates.map((c, i) => {
    const repo = info.get(c.task.repo.toLowerCase())!;
    const labelIds = c.labels.map(
      (n) => repo.labels.nodes.find((l) => l.name.toLowerCase() === n.toLowerCase())!.id,
    );
    return `c${i}: createIssue(input: { repositoryId: ${JSON.stringify(repo.id)}, title: $t${i}, body: $b${i}, labelIds: ${JSON.stringify(labelIds)}, parentIssueId: ${JSON.stringify(hub.nodeId)} }) { issue { number databaseId } }`;
  });
  const params = creates.map((_, i) => `$t${i}: String!, $b${i}: String`).join(", ");
  const variables = Object.fromEntries(
    creates.flatMap((c, i) => [
      [`t${i}`, c.title],
      [`b${i}`, c.body],
    ]),
  );
  type Made = { issue: { number: number; databaseId: number } | null } | null;
  const data = await octokit.graphql<Record<string, Made>>(
    `mutation CreateSubIssues(${params}) { ${mutations.join("\n")} }`,
    variables,
  );
  return creates.flatMap((c, i) => {
    const issue = data[`c${i}`]?.issue;
    return issue
      ? [{ repo: c.task.repo, number: issue.number, id: issue.databaseId, labels: c.labels }]
      : [];
  });
}
