import { describe, expect, it } from "vitest";
import type { Actor } from "../core.ts";
import { createIssue } from "../ops/issues.ts";
import { createLabel } from "../ops/labels.ts";
import { nodeId } from "../state/node-id.ts";
import { graphqlFixture } from "./test-fixture.ts";

function seed() {
  const f = graphqlFixture();
  const actor: Actor = { accountId: f.accounts.alice.id, via: "user", appId: null };
  const epic = createIssue(f.core, actor, f.repos.hub, { title: "Epic" });
  const task = createIssue(f.core, actor, f.repos.api, { title: "Task" });
  const foreign = createIssue(f.core, { ...actor, accountId: f.accounts.bob.id }, f.repos.tools, {
    title: "Bob's",
  });
  const label = createLabel(f.core, actor, f.repos.hub, { name: "planned" });
  f.events.length = 0;
  return { ...f, actor, epic, task, foreign, label };
}

const names = (events: { name: string; action: string | null }[]) =>
  events.map((e) => `${e.name}.${e.action}`);

describe("GraphQL mutations", () => {
  it("createIssue with parentIssueId files a sub-issue and fires the same webhooks as REST", async () => {
    const f = seed();
    const body = await f.gql(
      `mutation($input: CreateIssueInput!) {
        createIssue(input: $input) { clientMutationId issue { number title labels(first: 5) { nodes { name } } parent { number } } }
      }`,
      {
        input: {
          repositoryId: nodeId("Repository", f.repos.hub.id),
          title: "Plan the API",
          body: "<!-- havun:task -->",
          labelIds: [nodeId("Label", f.label.id)],
          parentIssueId: nodeId("Issue", f.epic.id),
          clientMutationId: "m1",
        },
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.createIssue).toEqual({
      clientMutationId: "m1",
      issue: {
        number: 2,
        title: "Plan the API",
        labels: { nodes: [{ name: "planned" }] },
        parent: { number: 1 },
      },
    });
    expect(names(f.events)).toEqual([
      "issues.opened",
      "issues.labeled",
      "sub_issues.sub_issue_added",
      "sub_issues.parent_issue_added",
    ]);
    expect(f.events[0]).toMatchObject({
      senderId: f.accounts.bot.id,
      via: "installation",
      repoId: f.repos.hub.id,
    });
    expect(f.events[2]?.payload).toMatchObject({
      parent_issue_id: f.epic.id,
      sub_issue: { title: "Plan the API" },
    });
  });

  it("addSubIssue links across repositories of one owner and refuses across owners", async () => {
    const f = seed();
    const add = `mutation($parent: ID!, $child: ID!) {
      addSubIssue(input: { issueId: $parent, subIssueId: $child }) {
        issue { subIssuesSummary { total } } subIssue { parent { title } repository { nameWithOwner } }
      }
    }`;
    const ok = await f.gql(add, {
      parent: nodeId("Issue", f.epic.id),
      child: nodeId("Issue", f.task.id),
    });
    expect(ok.data.addSubIssue).toEqual({
      issue: { subIssuesSummary: { total: 1 } },
      subIssue: { parent: { title: "Epic" }, repository: { nameWithOwner: "acme/api" } },
    });
    const refused = await f.gql(
      add,
      { parent: nodeId("Issue", f.epic.id), child: nodeId("Issue", f.foreign.id) },
      f.asAlice,
    );
    expect(refused.data).toEqual({ addSubIssue: null });
    expect(refused.errors?.[0]).toMatchObject({ type: "NOT_FOUND", path: ["addSubIssue"] });
    // bob/tools is public: alice sees it, and the owner rule refuses the link.
    f.repos.tools.private = false;
    const crossOwner = await f.gql(
      add,
      { parent: nodeId("Issue", f.epic.id), child: nodeId("Issue", f.foreign.id) },
      f.asAlice,
    );
    expect(crossOwner.errors?.[0]).toMatchObject({
      type: "UNPROCESSABLE",
      message: "Sub-issues must belong to a repository owned by the same owner as the parent.",
    });
    expect(f.epic.subIssueIds).toEqual([f.task.id]);
  });

  it("runs several aliased mutations of one document in order", async () => {
    const f = seed();
    const issue = nodeId("Issue", f.epic.id);
    const body = await f.gql(
      `mutation($issue: ID!, $label: ID!) {
        label: addLabelsToLabelable(input: { labelableId: $issue, labelIds: [$label] }) { labelable { ... on Issue { labels(first: 5) { totalCount } } } }
        comment: addComment(input: { subjectId: $issue, body: "Planned." }) { commentEdge { node { body author { login } } } }
        close: closeIssue(input: { issueId: $issue, stateReason: NOT_PLANNED }) { issue { state stateReason } }
        again: reopenIssue(input: { issueId: $issue }) { issue { state comments(first: 5) { totalCount } } }
      }`,
      { issue, label: nodeId("Label", f.label.id) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      label: { labelable: { labels: { totalCount: 1 } } },
      comment: { commentEdge: { node: { body: "Planned.", author: { login: "havun" } } } },
      close: { issue: { state: "CLOSED", stateReason: "NOT_PLANNED" } },
      again: { issue: { state: "OPEN", comments: { totalCount: 1 } } },
    });
    expect(names(f.events)).toEqual([
      "issues.labeled",
      "issue_comment.created",
      "issues.closed",
      "issues.reopened",
    ]);
  });

  it("refuses createIssue to an installation token without issues:write", async () => {
    const f = seed();
    const readOnly = f.appAccess({ issues: "read", metadata: "read" });
    const body = await f.gql(
      `mutation($repo: ID!) { createIssue(input: { repositoryId: $repo, title: "x" }) { issue { id } } }`,
      { repo: nodeId("Repository", f.repos.hub.id) },
      readOnly,
    );
    expect(body).toEqual({
      data: { createIssue: null },
      errors: [
        {
          type: "FORBIDDEN",
          path: ["createIssue"],
          locations: [{ line: 1, column: 24 }],
          message: "Resource not accessible by integration",
        },
      ],
    });
    expect(f.events).toEqual([]);
  });

  it("updates issues and comments, and reorders sub-issues", async () => {
    const f = seed();
    const second = createIssue(f.core, f.actor, f.repos.api, { title: "Second" });
    const [epic, task] = [nodeId("Issue", f.epic.id), nodeId("Issue", f.task.id)];
    await f.gql(
      `mutation($p: ID!, $a: ID!, $b: ID!) {
      a: addSubIssue(input: { issueId: $p, subIssueId: $a }) { issue { id } }
      b: addSubIssue(input: { issueId: $p, subIssueId: $b }) { issue { id } }
    }`,
      { p: epic, a: task, b: nodeId("Issue", second.id) },
    );
    const body = await f.gql(
      `mutation($p: ID!, $a: ID!, $b: ID!) {
      reprioritizeSubIssue(input: { issueId: $p, subIssueId: $b, beforeId: $a }) { issue { subIssues(first: 5) { nodes { title } } } }
      updateIssue(input: { id: $a, title: "Task (renamed)", body: "new body" }) { issue { title body } }
      comment: addComment(input: { subjectId: $a, body: "v1" }) { commentEdge { node { id } } }
    }`,
      { p: epic, a: task, b: nodeId("Issue", second.id) },
    );
    expect(body.errors).toBeUndefined();
    // Each mutation's selection is resolved before the next mutation runs: the rename comes later.
    expect(body.data.reprioritizeSubIssue.issue.subIssues.nodes).toEqual([
      { title: "Second" },
      { title: "Task" },
    ]);
    expect(body.data.updateIssue.issue).toEqual({ title: "Task (renamed)", body: "new body" });
    const edited = await f.gql(
      `mutation($id: ID!) { updateIssueComment(input: { id: $id, body: "v2" }) { issueComment { body } } }`,
      {
        id: body.data.comment.commentEdge.node.id,
      },
    );
    expect(edited.data.updateIssueComment.issueComment.body).toBe("v2");
    expect(names(f.events).slice(-2)).toEqual(["issue_comment.created", "issue_comment.edited"]);
  });
});
