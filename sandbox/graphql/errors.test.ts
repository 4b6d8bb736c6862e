import { describe, expect, it } from "vitest";
import type { Actor } from "../core.ts";
import { createIssue } from "../ops/issues.ts";
import { implementedFields } from "./implemented.ts";
import { graphqlFixture } from "./test-fixture.ts";

function seed() {
  const f = graphqlFixture();
  const actor: Actor = { accountId: f.accounts.alice.id, via: "user", appId: null };
  createIssue(f.core, actor, f.repos.hub, { title: "Epic" });
  return f;
}

describe("GraphQL errors", () => {
  it("rejects a field GitHub's schema lacks before running anything, as GitHub words it", async () => {
    const f = seed();
    const body = await f.gql(
      `query Q { repository(owner: "acme", name: "hub") { issue(number: 1) { title nope } } }`,
    );
    expect(body).toEqual({
      errors: [
        {
          path: ["query Q", "repository", "issue", "nope"],
          extensions: { code: "undefinedField", typeName: "Issue", fieldName: "nope" },
          locations: [{ line: 1, column: 77 }],
          message: "Field 'nope' doesn't exist on type 'Issue'",
        },
      ],
    });
  });

  it("words other validation errors like GitHub: missing and unknown arguments", async () => {
    const f = seed();
    const body = await f.gql(
      `{ repository(owner: "acme") { issue(number: 1, color: "red") { title } } }`,
    );
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ["query", "repository", "issue", "color"],
        message: "Field 'issue' doesn't accept argument 'color'",
      }),
      expect.objectContaining({
        message: "Field 'repository' is missing required arguments: name",
        extensions: {
          code: "missingRequiredArguments",
          className: "Field",
          name: "repository",
          arguments: "name",
        },
      }),
    ]);
  });

  it("answers a syntax error with a parse error and no data", async () => {
    const f = seed();
    const body = await f.gql(`{ repository(owner: "acme", name: "hub") { id }`);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(
      /^Parse error at \[1, 48\]: Expected Name, found <EOF>/,
    );
  });

  it("names a valid but unimplemented field instead of answering null silently", async () => {
    const f = seed();
    const body = await f.gql(
      `{ repository(owner: "acme", name: "hub") { issue(number: 1) { title milestone { title } } } }`,
    );
    expect(body.data).toEqual({ repository: { issue: { title: "Epic", milestone: null } } });
    expect(body.errors).toEqual([
      {
        type: "SANDBOX_NOT_IMPLEMENTED",
        path: ["repository", "issue", "milestone"],
        locations: [{ line: 1, column: 69 }],
        message: "The sandbox does not implement Issue.milestone yet",
      },
    ]);
  });

  it("names an argument the sandbox would otherwise ignore", async () => {
    const f = seed();
    const body = await f.gql(
      `{ repository(owner: "acme", name: "hub") { issues(first: 5, filterBy: { assignee: "alice" }) { totalCount } } }`,
    );
    expect(body.errors?.[0]?.message).toBe(
      "The sandbox does not implement Repository.issues(filterBy) yet",
    );
    const defaults = await f.gql(
      `query($o: LabelOrder) { repository(owner: "acme", name: "hub") { issue(number: 1) { labels(first: 5, orderBy: $o) { totalCount } } } }`,
      { o: { field: "CREATED_AT", direction: "ASC" } },
    );
    expect(defaults.errors).toBeUndefined();
  });

  it("lists what it implements", () => {
    const fields = implementedFields();
    for (const f of [
      "Query.repository",
      "Issue.subIssues",
      "Mutation.addProjectV2ItemById",
      "*Connection.pageInfo",
    ]) {
      expect(fields).toContain(f);
    }
    expect(fields).not.toContain("Issue.milestone");
  });
});
