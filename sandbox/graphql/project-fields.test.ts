import { describe, expect, it } from "vitest";
import type { Actor } from "../core.ts";
import { addProjectItem, createProject, setProjectItemFieldValue } from "../ops/projects.ts";
import { createIssue } from "../ops/issues.ts";
import { nodeId } from "../state/node-id.ts";
import { buildPayload } from "../webhooks/payload.ts";
import { checkWebhookPayload } from "../webhooks/validate.ts";
import { graphqlFixture } from "./test-fixture.ts";

function seed() {
  const f = graphqlFixture();
  const project = createProject(f.core, f.accounts.acme.id, { title: "Delivery" });
  return { ...f, project, p: nodeId("ProjectV2", project.id) };
}

const CREATE_FIELD = `mutation($p: ID!, $name: String!, $type: ProjectV2CustomFieldType!, $options: [ProjectV2SingleSelectFieldOptionInput!]) {
  createProjectV2Field(input: { projectId: $p, name: $name, dataType: $type, singleSelectOptions: $options }) {
    projectV2Field {
      ... on ProjectV2FieldCommon { id name dataType }
      ... on ProjectV2SingleSelectField { options { id name color } }
    }
  }
}`;

const option = (name: string, color = "GRAY") => ({ name, color, description: "" });

const FIELDS = `query { organization(login: "acme") { projectV2(number: 1) {
  viewerCanUpdate
  fields(first: 50) { nodes {
    ... on ProjectV2FieldCommon { name dataType }
    ... on ProjectV2SingleSelectField { options { id name } }
  } }
} } }`;

describe("GraphQL Projects v2 fields and projects (GitHub's documented rules)", () => {
  it("creates text, number and single-select fields; a single-select field needs an option", async () => {
    const f = seed();
    for (const [name, type] of [
      ["Orchestration", "TEXT"],
      ["Cost", "NUMBER"],
    ] as const) {
      const r = await f.gql(CREATE_FIELD, { p: f.p, name, type });
      expect(r.errors).toBeUndefined();
      expect(r.data.createProjectV2Field.projectV2Field).toMatchObject({ name, dataType: type });
    }
    const kind = await f.gql(CREATE_FIELD, {
      p: f.p,
      name: "Kind",
      type: "SINGLE_SELECT",
      options: [option("implementation", "BLUE"), option("docs")],
    });
    expect(kind.data.createProjectV2Field.projectV2Field.id).toMatch(/^PVTSSF_/);
    expect(
      kind.data.createProjectV2Field.projectV2Field.options.map((o: { name: string }) => o.name),
    ).toEqual(["implementation", "docs"]);
    const empty = await f.gql(CREATE_FIELD, { p: f.p, name: "Empty", type: "SINGLE_SELECT" });
    expect(empty.errors?.[0]).toMatchObject({
      type: "UNPROCESSABLE",
      message:
        "Single select options must have at least one value when creating a single select field",
    });
    const board = (await f.gql(FIELDS)).data.organization.projectV2;
    expect(board.viewerCanUpdate).toBe(true);
    expect(board.fields.nodes.map((n: { name: string }) => n.name)).toEqual([
      "Title",
      "Status",
      "Orchestration",
      "Cost",
      "Kind",
    ]);
  });

  it("refuses a name the project has (ignoring case) or a built-in field's name", async () => {
    const f = seed();
    const taken = await f.gql(CREATE_FIELD, { p: f.p, name: "status", type: "TEXT" });
    expect(taken.errors?.[0]).toMatchObject({
      type: "UNPROCESSABLE",
      message: "Name has already been taken",
    });
    const builtIn = await f.gql(CREATE_FIELD, { p: f.p, name: "Repository", type: "TEXT" });
    expect(builtIn.errors?.[0]?.message).toBe(
      "Name cannot be Repository: a built-in field of every project has it",
    );
  });

  it("overwrites a single-select field's options: new ids, and no item keeps its value", async () => {
    const f = seed();
    const actor: Actor = { accountId: f.accounts.alice.id, via: "user", appId: null };
    const issue = createIssue(f.core, actor, f.repos.api, { title: "Task" });
    const { item } = addProjectItem(f.core, actor, f.project, issue);
    const status = f.project.fields[1]!;
    setProjectItemFieldValue(f.core, actor, f.project, item, status, {
      singleSelectOptionId: status.options[1]!.id,
    });
    const before = status.options.map((o) => o.id);
    const r = await f.gql(
      `mutation($f: ID!, $o: [ProjectV2SingleSelectFieldOptionInput!]) {
        updateProjectV2Field(input: { fieldId: $f, singleSelectOptions: $o }) {
          projectV2Field { ... on ProjectV2SingleSelectField { options { id name color } } }
        }
      }`,
      {
        f: nodeId("ProjectV2SingleSelectField", status.id),
        o: [
          option("Todo", "GREEN"),
          option("In Progress", "YELLOW"),
          option("Done"),
          option("Failed", "RED"),
        ],
      },
    );
    expect(r.errors).toBeUndefined();
    const options = r.data.updateProjectV2Field.projectV2Field.options as {
      id: string;
      name: string;
      color: string;
    }[];
    expect(options.map((o) => `${o.name}:${o.color}`)).toEqual([
      "Todo:GREEN",
      "In Progress:YELLOW",
      "Done:GRAY",
      "Failed:RED",
    ]);
    expect(options.some((o) => before.includes(o.id))).toBe(false);
    expect(item.values[String(status.id)]).toBeUndefined();
    const text = await f.gql(
      `mutation($f: ID!) { updateProjectV2Field(input: { fieldId: $f, singleSelectOptions: [{ name: "x", color: GRAY, description: "" }] }) { clientMutationId } }`,
      { f: nodeId("ProjectV2Field", f.project.fields[0]!.id) },
    );
    expect(text.errors?.[0]?.message).toBe("The TITLE field Title has no options.");
  });

  it("creates an organization project only with organization_projects: write, numbered after the owner's last", async () => {
    const f = seed();
    const CREATE = `mutation($o: ID!) { createProjectV2(input: { ownerId: $o, title: "HavunCore" }) {
      projectV2 { number title fields(first: 20) { nodes { ... on ProjectV2FieldCommon { name dataType } } } }
    } }`;
    const org = nodeId("Organization", f.accounts.acme.id);
    const denied = await f.gql(CREATE, { o: org }, f.appAccess({ organization_projects: "read" }));
    expect(denied.errors?.[0]).toMatchObject({
      type: "FORBIDDEN",
      message: "Resource not accessible by integration",
    });
    const made = await f.gql(CREATE, { o: org });
    expect(made.errors).toBeUndefined();
    expect(made.data.createProjectV2.projectV2).toMatchObject({ number: 2, title: "HavunCore" });
    expect(
      made.data.createProjectV2.projectV2.fields.nodes.map(
        (n: { name: string; dataType: string }) => `${n.name}:${n.dataType}`,
      ),
    ).toEqual([
      "Title:TITLE",
      "Status:SINGLE_SELECT",
      "Assignees:ASSIGNEES",
      "Labels:LABELS",
      "Repository:REPOSITORY",
    ]);
    const user = await f.gql(CREATE, { o: nodeId("User", f.accounts.bob.id) });
    expect(user.errors?.[0]?.type).toBe("FORBIDDEN");
    const found = await f.gql(
      `query { organization(login: "acme") { projectsV2(first: 5, query: "havun") { nodes { number title } } } }`,
    );
    expect(found.data.organization.projectsV2.nodes).toEqual([{ number: 2, title: "HavunCore" }]);
  });

  it("says whether the caller may update a project, and shows the built-in Repository value", async () => {
    const f = seed();
    const board = createProject(f.core, f.accounts.acme.id, {
      title: "With repository",
      fields: [{ name: "Repository", dataType: "REPOSITORY" }],
    });
    const actor: Actor = { accountId: f.accounts.alice.id, via: "user", appId: null };
    addProjectItem(f.core, actor, board, createIssue(f.core, actor, f.repos.api, { title: "T" }));
    const read = f.appAccess({ organization_projects: "read" });
    const r = await f.gql(
      `query { organization(login: "acme") { projectV2(number: 2) { viewerCanUpdate items(first: 1) { nodes {
        fieldValueByName(name: "Repository") { ... on ProjectV2ItemFieldRepositoryValue { repository { nameWithOwner } } }
      } } } } }`,
      {},
      read,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.organization.projectV2.viewerCanUpdate).toBe(false);
    expect(r.data.organization.projectV2.items.nodes[0].fieldValueByName).toEqual({
      repository: { nameWithOwner: "acme/api" },
    });
  });
});

describe("projects_v2_item.edited for a number field with decimals", () => {
  it("passes the payload check: GitHub's description types from/to as integer, a Float is sent", async () => {
    const f = seed();
    const actor: Actor = { accountId: f.accounts.alice.id, via: "user", appId: null };
    const field = {
      id: f.core.store.newId(),
      name: "Cost",
      dataType: "NUMBER" as const,
      options: [],
    };
    f.project.fields.push(field);
    const { item } = addProjectItem(
      f.core,
      actor,
      f.project,
      createIssue(f.core, actor, f.repos.api, { title: "T" }),
    );
    f.events.length = 0;
    setProjectItemFieldValue(f.core, actor, f.project, item, field, { number: 0.42 });
    setProjectItemFieldValue(f.core, actor, f.project, item, field, { number: 1.5 });
    for (const e of f.events) {
      const full = buildPayload(f.core, e, f.store.state.installations[0] ?? null);
      expect(checkWebhookPayload(e.name, e.action, full)).toEqual([]);
    }
    expect(f.events.at(-1)?.payload).toMatchObject({
      changes: { field_value: { from: 0.42, to: 1.5 } },
    });
    // Anything else at that place is still checked.
    const wrong = buildPayload(f.core, f.events.at(-1)!, null);
    (wrong.changes as { field_value: { to: unknown } }).field_value.to = [1];
    expect(checkWebhookPayload("projects_v2_item", "edited", wrong)).not.toEqual([]);
  });
});
