import { describe, expect, it } from "vitest";
import type { Actor } from "../core.ts";
import { MAX_BLOCKED_BY } from "../ops/dependencies.ts";
import { createIssue } from "../ops/issues.ts";
import { nodeId } from "../state/node-id.ts";
import { graphqlFixture } from "./test-fixture.ts";

function seed() {
  const f = graphqlFixture();
  const actor: Actor = { accountId: f.accounts.alice.id, via: "user", appId: null };
  const issue = (repo: typeof f.repos.hub, title: string) =>
    createIssue(f.core, actor, repo, { title });
  const build = issue(f.repos.api, "Build the API");
  const design = issue(f.repos.hub, "Design the API");
  const docs = issue(f.repos.api, "Document the API");
  const foreign = issue(f.repos.tools, "Bob's");
  f.events.length = 0;
  return { ...f, actor, issue, build, design, docs, foreign };
}

const id = (record: { id: number }) => nodeId("Issue", record.id);
const names = (events: { name: string; action: string | null }[]) =>
  events.map((e) => `${e.name}.${e.action}`);

const ADD = `mutation($issue: ID!, $blocking: ID!) {
  addBlockedBy(input: { issueId: $issue, blockingIssueId: $blocking, clientMutationId: "d1" }) {
    clientMutationId issue { title } blockingIssue { title repository { nameWithOwner } }
  }
}`;
const REMOVE = `mutation($issue: ID!, $blocking: ID!) {
  removeBlockedBy(input: { issueId: $issue, blockingIssueId: $blocking }) { issue { title } blockingIssue { title } }
}`;

// GitHub's GraphQL reference (Issues): addBlockedBy "Adds a 'blocked by' relationship to an
// issue" (input issueId: the blocked issue, blockingIssueId; payload issue, blockingIssue,
// clientMutationId) and removeBlockedBy takes it away. The REST dependency rules hold: no
// duplicate, no cycle, at most 50 blockers; write access to the blocked issue's repository, read
// access to the blocking one; issue_dependencies fires on both sides.
describe("GraphQL addBlockedBy / removeBlockedBy", () => {
  it("marks an issue blocked by one in another repository and fires issue_dependencies on both sides", async () => {
    const f = seed();
    const body = await f.gql(ADD, { issue: id(f.build), blocking: id(f.design) });
    expect(body.errors).toBeUndefined();
    expect(body.data.addBlockedBy).toEqual({
      clientMutationId: "d1",
      issue: { title: "Build the API" },
      blockingIssue: { title: "Design the API", repository: { nameWithOwner: "acme/hub" } },
    });
    expect(f.build.blockedByIds).toEqual([f.design.id]);
    expect(names(f.events)).toEqual([
      "issue_dependencies.blocked_by_added",
      "issue_dependencies.blocking_added",
    ]);
    expect(f.events[0]).toMatchObject({
      repoId: f.repos.api.id,
      senderId: f.accounts.bot.id,
      payload: {
        blocked_issue_id: f.build.id,
        blocking_issue_id: f.design.id,
        blocking_issue_repo: { full_name: "acme/hub" },
      },
    });
    expect(f.events[1]).toMatchObject({
      repoId: f.repos.hub.id,
      payload: {
        blocked_issue: { title: "Build the API" },
        blocked_issue_repo: { full_name: "acme/api" },
      },
    });
  });

  it("refuses a duplicate, a cycle and a 51st blocker as UNPROCESSABLE", async () => {
    const f = seed();
    await f.gql(ADD, { issue: id(f.build), blocking: id(f.design) });
    await f.gql(ADD, { issue: id(f.design), blocking: id(f.docs) });
    f.events.length = 0;
    const dup = await f.gql(ADD, { issue: id(f.build), blocking: id(f.design) });
    expect(dup.data).toEqual({ addBlockedBy: null });
    expect(dup.errors?.[0]).toMatchObject({
      type: "UNPROCESSABLE",
      path: ["addBlockedBy"],
      message: "This dependency already exists.",
    });
    // docs blocks design blocks build: build may not block docs.
    const cycle = await f.gql(ADD, { issue: id(f.docs), blocking: id(f.build) });
    expect(cycle.errors?.[0]).toMatchObject({
      type: "UNPROCESSABLE",
      message: "Adding this dependency would create a cycle.",
    });
    const many = Array.from({ length: MAX_BLOCKED_BY - 1 }, (_, i) =>
      f.issue(f.repos.hub, `b${i}`),
    );
    f.build.blockedByIds.push(...many.map((i) => i.id));
    const over = await f.gql(ADD, {
      issue: id(f.build),
      blocking: id(f.issue(f.repos.hub, "51st")),
    });
    expect(over.errors?.[0]).toMatchObject({
      type: "UNPROCESSABLE",
      message: `An issue may be blocked by at most ${MAX_BLOCKED_BY} issues.`,
    });
    expect(f.build.blockedByIds).toHaveLength(MAX_BLOCKED_BY);
    expect(f.docs.blockedByIds).toEqual([]);
    expect(names(f.events).filter((n) => n.startsWith("issue_dependencies"))).toEqual([]);
  });

  it("needs write access to the blocked issue's repository and read access to the blocking issue", async () => {
    const f = seed();
    const readOnly = f.appAccess({ issues: "read", metadata: "read" });
    const forbidden = await f.gql(ADD, { issue: id(f.build), blocking: id(f.design) }, readOnly);
    expect(forbidden.errors?.[0]).toMatchObject({
      type: "FORBIDDEN",
      message: "Resource not accessible by integration",
    });
    // The App is installed on acme only: bob's private issue is not found.
    const hidden = await f.gql(ADD, { issue: id(f.build), blocking: id(f.foreign) });
    expect(hidden.errors?.[0]).toMatchObject({
      type: "NOT_FOUND",
      message: `Could not resolve to a node with the global id of '${id(f.foreign)}'.`,
    });
    expect(f.build.blockedByIds).toEqual([]);
    expect(f.events).toEqual([]);
  });

  it("removeBlockedBy takes the link away with issue_dependencies *_removed; an absent link is NOT_FOUND", async () => {
    const f = seed();
    await f.gql(ADD, { issue: id(f.build), blocking: id(f.design) });
    f.events.length = 0;
    const body = await f.gql(REMOVE, { issue: id(f.build), blocking: id(f.design) });
    expect(body.errors).toBeUndefined();
    expect(body.data.removeBlockedBy).toEqual({
      issue: { title: "Build the API" },
      blockingIssue: { title: "Design the API" },
    });
    expect(f.build.blockedByIds).toEqual([]);
    expect(names(f.events)).toEqual([
      "issue_dependencies.blocked_by_removed",
      "issue_dependencies.blocking_removed",
    ]);
    const again = await f.gql(REMOVE, { issue: id(f.build), blocking: id(f.design) });
    expect(again.data).toEqual({ removeBlockedBy: null });
    expect(again.errors?.[0]).toMatchObject({ type: "NOT_FOUND", path: ["removeBlockedBy"] });
  });

  it("runs several aliased links in one request; an existing one fails only its alias", async () => {
    const f = seed();
    await f.gql(ADD, { issue: id(f.docs), blocking: id(f.design) });
    f.events.length = 0;
    const body = await f.gql(
      `mutation($build: ID!, $design: ID!, $docs: ID!) {
        a: addBlockedBy(input: { issueId: $build, blockingIssueId: $design }) { issue { title } }
        b: addBlockedBy(input: { issueId: $docs, blockingIssueId: $design }) { issue { title } }
        c: addBlockedBy(input: { issueId: $docs, blockingIssueId: $build }) { issue { title } }
      }`,
      { build: id(f.build), design: id(f.design), docs: id(f.docs) },
    );
    expect(body.data).toEqual({
      a: { issue: { title: "Build the API" } },
      b: null,
      c: { issue: { title: "Document the API" } },
    });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      type: "UNPROCESSABLE",
      path: ["b"],
      message: "This dependency already exists.",
    });
    expect(f.build.blockedByIds).toEqual([f.design.id]);
    expect(f.docs.blockedByIds).toEqual([f.design.id, f.build.id]);
    expect(names(f.events)).toHaveLength(4);
  });
});
