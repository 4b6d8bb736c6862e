import { describe, expect, it } from "vitest";
import { createIssue } from "../ops/issues.ts";
import { addSubIssue } from "../ops/sub-issues.ts";
import { setState } from "../ops/issues.ts";
import type { Actor } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { IssueRecord } from "../state/types.ts";
import { githubSchema } from "./schema.ts";
import { graphqlFixture } from "./test-fixture.ts";

function seed() {
  const f = graphqlFixture();
  const actor: Actor = { accountId: f.accounts.alice.id, via: "user", appId: null };
  const parent = createIssue(f.core, actor, f.repos.hub, {
    title: "Epic",
    labels: ["orchestration"],
  });
  const kids = ["one", "two", "three"].map((t) =>
    createIssue(f.core, actor, f.repos.api, { title: `Task ${t}`, body: "do it" }),
  );
  for (const k of kids) addSubIssue(f.core, actor, parent, k);
  setState(f.core, actor, kids[0] as IssueRecord, "closed", "completed");
  return { ...f, actor, parent, kids };
}

describe("GraphQL queries", () => {
  it("builds GitHub's schema once", () => {
    const first = githubSchema();
    expect(githubSchema()).toBe(first);
    expect(first.schema.getMutationType()?.getFields().addSubIssue).toBeDefined();
  });

  it("reads an issue with its sub-issues, summary, parent and labels", async () => {
    const f = seed();
    const body = await f.gql(
      `
      query($owner: String!, $name: String!) {
        repository(owner: $owner, name: $name) {
          nameWithOwner
          issue(number: 1) {
            id number title state url author { login __typename }
            labels(first: 10) { nodes { name } }
            subIssuesSummary { total completed percentCompleted }
            subIssues(first: 10) {
              totalCount
              nodes { number title state stateReason repository { nameWithOwner } parent { number } }
            }
          }
        }
      }`,
      { owner: "acme", name: "hub" },
    );
    expect(body.errors).toBeUndefined();
    const issue = body.data.repository.issue;
    expect(issue).toMatchObject({
      id: nodeId("Issue", f.parent.id),
      number: 1,
      state: "OPEN",
      url: "http://127.0.0.1:1/acme/hub/issues/1",
      author: { login: "alice", __typename: "User" },
      labels: { nodes: [{ name: "orchestration" }] },
      subIssuesSummary: { total: 3, completed: 1, percentCompleted: 33 },
    });
    expect(issue.subIssues.totalCount).toBe(3);
    expect(issue.subIssues.nodes[0]).toEqual({
      number: 1,
      title: "Task one",
      state: "CLOSED",
      stateReason: "COMPLETED",
      repository: { nameWithOwner: "acme/api" },
      parent: { number: 1 },
    });
  });

  it("pages with first/after and opaque cursors", async () => {
    const f = seed();
    const q = `query($after: String) { repository(owner: "acme", name: "api") {
      issues(first: 2, after: $after) { totalCount nodes { number } pageInfo { hasNextPage hasPreviousPage endCursor } }
    } }`;
    const page1 = (await f.gql(q)).data.repository.issues;
    expect(page1.nodes).toEqual([{ number: 1 }, { number: 2 }]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = (await f.gql(q, { after: page1.pageInfo.endCursor })).data.repository.issues;
    expect(page2).toMatchObject({
      totalCount: 3,
      nodes: [{ number: 3 }],
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
    const states = await f.gql(
      `{ repository(owner: "acme", name: "api") { issues(first: 5, states: [OPEN]) { nodes { number } } } }`,
    );
    expect(states.data.repository.issues.nodes).toEqual([{ number: 2 }, { number: 3 }]);
  });

  it("requires first or last on every connection, at most 100", async () => {
    const f = seed();
    const missing = await f.gql(
      `{ repository(owner: "acme", name: "hub") { issue(number: 1) { subIssues { totalCount } } } }`,
    );
    expect(missing.data).toBeUndefined();
    expect(missing.errors).toEqual([
      {
        type: "MISSING_PAGINATION_BOUNDARIES",
        path: ["repository", "issue", "subIssues"],
        locations: [{ line: 1, column: 63 }],
        message:
          "You must provide a `first` or `last` value to properly paginate the `subIssues` connection.",
      },
    ]);
    const tooMany = await f.gql(
      `{ repository(owner: "acme", name: "hub") { issues(first: 101) { totalCount } } }`,
    );
    expect(tooMany.errors?.[0]).toMatchObject({
      type: "EXCESSIVE_PAGINATION",
      message:
        "Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 records.",
    });
  });

  it("answers a missing repository with NOT_FOUND and data null for that field", async () => {
    const f = seed();
    const body = await f.gql(`{ repository(owner: "acme", name: "nope") { id } viewer { login } }`);
    expect(body.data).toEqual({ repository: null, viewer: { login: "havun[bot]" } });
    expect(body.errors).toEqual([
      {
        type: "NOT_FOUND",
        path: ["repository"],
        locations: [{ line: 1, column: 3 }],
        message: "Could not resolve to a Repository with the name 'acme/nope'.",
      },
    ]);
    const hidden = await f.gql(`{ repository(owner: "acme", name: "hub") { id } }`, {}, f.asBob);
    expect(hidden.errors?.[0]?.type).toBe("NOT_FOUND");
  });

  it("resolves node and nodes by global id", async () => {
    const f = seed();
    const ids = [nodeId("Issue", f.parent.id), "I_kwbogus", nodeId("Repository", f.repos.api.id)];
    const body = await f.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Issue { title } ... on Repository { name } } }`,
      { ids },
    );
    expect(body.data.nodes).toEqual([
      { __typename: "Issue", id: ids[0], title: "Epic" },
      null,
      { __typename: "Repository", id: ids[2], name: "api" },
    ]);
    expect(body.errors).toEqual([
      expect.objectContaining({
        type: "NOT_FOUND",
        path: ["nodes", 1],
        message: "Could not resolve to a node with the global id of 'I_kwbogus'.",
      }),
    ]);
  });

  it("links pull requests that close an issue, both ways", async () => {
    const f = seed();
    const pr = createIssue(
      f.core,
      f.actor,
      f.repos.api,
      { title: "Implement", body: "Closes acme/hub#1\nfixes #2" },
      { isPull: true },
    );
    f.store.state.pulls.push({
      issueId: pr.id,
      repoId: f.repos.api.id,
      headRef: "task-2",
      headSha: "a".repeat(40),
      headRepoId: f.repos.api.id,
      baseRef: "main",
      baseSha: "b".repeat(40),
      draft: false,
      merged: false,
      mergedAt: null,
      mergedById: null,
      mergeCommitSha: null,
      maintainerCanModify: true,
      mergeable: true,
      stats: { additions: 3, deletions: 1, changedFiles: 1, commits: 2 },
    });
    const body = await f.gql(`{
      hub: repository(owner: "acme", name: "hub") { issue(number: 1) { closedByPullRequestsReferences(first: 5) { nodes { number headRefName } } } }
      api: repository(owner: "acme", name: "api") {
        pullRequest(number: 4) {
          state mergeable isDraft additions
          closingIssuesReferences(first: 5) { nodes { number repository { name } } }
          commits(last: 1) { totalCount nodes { commit { oid statusCheckRollup { state } } } }
        }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.hub.issue.closedByPullRequestsReferences.nodes).toEqual([
      { number: 4, headRefName: "task-2" },
    ]);
    expect(body.data.api.pullRequest).toEqual({
      state: "OPEN",
      mergeable: "MERGEABLE",
      isDraft: false,
      additions: 3,
      closingIssuesReferences: {
        nodes: [
          { number: 1, repository: { name: "hub" } },
          { number: 2, repository: { name: "api" } },
        ],
      },
      commits: {
        totalCount: 2,
        nodes: [{ commit: { oid: "a".repeat(40), statusCheckRollup: null } }],
      },
    });
  });

  it("reports its cost in rateLimit", async () => {
    const f = seed();
    const body = await f.gql(
      `{ rateLimit { cost limit used remaining nodeCount } repository(owner: "acme", name: "hub") { issues(first: 50) { nodes { labels(first: 10) { nodes { name } } } } } }`,
    );
    expect(body.data.rateLimit).toEqual({
      cost: 1,
      limit: 5000,
      used: 1,
      remaining: 4999,
      nodeCount: 550,
    });
  });
});
