import { describe, expect, it } from "vitest";
import type { Actor } from "../core.ts";
import { createIssue } from "../ops/issues.ts";
import { createProject } from "../ops/projects.ts";
import { nodeId } from "../state/node-id.ts";
import { buildPayload } from "../webhooks/payload.ts";
import { checkWebhookPayload } from "../webhooks/validate.ts";
import { graphqlFixture } from "./test-fixture.ts";

function seed() {
  const f = graphqlFixture();
  const actor: Actor = { accountId: f.accounts.alice.id, via: "user", appId: null };
  const issue = createIssue(f.core, actor, f.repos.api, { title: "Task", labels: ["havun"] });
  const project = createProject(f.core, f.accounts.acme.id, {
    title: "Orchestrations",
    fields: [
      {
        name: "Priority",
        dataType: "SINGLE_SELECT",
        options: ["P0", { name: "P1", color: "red" }],
      },
      { name: "Cost", dataType: "NUMBER" },
      { name: "Labels", dataType: "LABELS" },
    ],
  });
  f.events.length = 0;
  return { ...f, issue, project };
}

const BOARD = `query {
  organization(login: "acme") {
    projectV2(number: 1) {
      id title number url
      fields(first: 20) { nodes {
        ... on ProjectV2FieldCommon { id name dataType }
        ... on ProjectV2SingleSelectField { options { id name color } }
      } }
      items(first: 10) { totalCount nodes {
        id type
        content { ... on Issue { number title } }
        fieldValues(first: 10) { nodes {
          __typename
          ... on ProjectV2ItemFieldSingleSelectValue { name optionId field { ... on ProjectV2FieldCommon { name } } }
          ... on ProjectV2ItemFieldTextValue { text }
          ... on ProjectV2ItemFieldNumberValue { number }
          ... on ProjectV2ItemFieldLabelValue { labels(first: 5) { nodes { name } } }
        } }
      } }
    }
  }
}`;

describe("GraphQL Projects v2", () => {
  it("seeds a project with Title, a default Status and the given fields", async () => {
    const f = seed();
    const board = (await f.gql(BOARD)).data.organization.projectV2;
    expect(board).toMatchObject({
      title: "Orchestrations",
      number: 1,
      url: "http://127.0.0.1:1/orgs/acme/projects/1",
    });
    const fields = board.fields.nodes.map(
      (n: { name: string; dataType: string }) => `${n.name}:${n.dataType}`,
    );
    expect(fields).toEqual([
      "Title:TITLE",
      "Status:SINGLE_SELECT",
      "Priority:SINGLE_SELECT",
      "Cost:NUMBER",
      "Labels:LABELS",
    ]);
    expect(board.fields.nodes[1].options.map((o: { name: string }) => o.name)).toEqual([
      "Todo",
      "In Progress",
      "Done",
    ]);
    expect(board.fields.nodes[2].options[1]).toMatchObject({ name: "P1", color: "RED" });
    expect(board.fields.nodes[0].id).toBe(nodeId("ProjectV2Field", f.project.fields[0]?.id ?? 0));
    expect(board.fields.nodes[1].id).toBe(
      nodeId("ProjectV2SingleSelectField", f.project.fields[1]?.id ?? 0),
    );
  });

  it("adds an item once, sets a single-select value and reads it back", async () => {
    const f = seed();
    const add = `mutation($p: ID!, $c: ID!) { addProjectV2ItemById(input: { projectId: $p, contentId: $c }) { item { id } } }`;
    const vars = { p: nodeId("ProjectV2", f.project.id), c: nodeId("Issue", f.issue.id) };
    const first = (await f.gql(add, vars)).data.addProjectV2ItemById.item.id;
    const second = (await f.gql(add, vars)).data.addProjectV2ItemById.item.id;
    expect(second).toBe(first);
    expect(f.events.map((e) => `${e.name}.${e.action}`)).toEqual(["projects_v2_item.created"]);
    expect(f.events[0]?.payload).toMatchObject({
      projects_v2_item: {
        node_id: first,
        content_node_id: vars.c,
        content_type: "Issue",
        archived_at: null,
      },
      organization: { login: "acme" },
    });

    const status = f.project.fields[1];
    const inProgress = status?.options[1];
    const set = await f.gql(
      `mutation($p: ID!, $i: ID!, $f: ID!, $o: String!) {
        updateProjectV2ItemFieldValue(input: { projectId: $p, itemId: $i, fieldId: $f, value: { singleSelectOptionId: $o } }) { projectV2Item { id } }
        cost: updateProjectV2ItemFieldValue(input: { projectId: $p, itemId: $i, fieldId: "${nodeId("ProjectV2Field", f.project.fields[3]?.id ?? 0)}", value: { number: 3 } }) { projectV2Item { id } }
      }`,
      {
        ...vars,
        i: first,
        f: nodeId("ProjectV2SingleSelectField", status?.id ?? 0),
        o: inProgress?.id,
      },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data.updateProjectV2ItemFieldValue.projectV2Item.id).toBe(first);
    expect(f.events[1]).toMatchObject({
      name: "projects_v2_item",
      action: "edited",
      payload: {
        changes: {
          field_value: {
            field_name: "Status",
            field_type: "single_select",
            to: { name: "In Progress" },
          },
        },
      },
    });

    for (const e of f.events) {
      const full = buildPayload(f.core, e, f.store.state.installations[0] ?? null);
      expect(checkWebhookPayload(e.name, e.action, full)).toEqual([]);
    }

    const item = (await f.gql(BOARD)).data.organization.projectV2.items.nodes[0];
    expect(item).toMatchObject({ id: first, type: "ISSUE", content: { number: 1, title: "Task" } });
    expect(item.fieldValues.nodes).toEqual([
      { __typename: "ProjectV2ItemFieldTextValue", text: "Task" },
      {
        __typename: "ProjectV2ItemFieldSingleSelectValue",
        name: "In Progress",
        optionId: inProgress?.id,
        field: { name: "Status" },
      },
      { __typename: "ProjectV2ItemFieldNumberValue", number: 3 },
      { __typename: "ProjectV2ItemFieldLabelValue", labels: { nodes: [{ name: "havun" }] } },
    ]);
  });

  it("refuses a wrong value type and a token without organization_projects, and deletes items", async () => {
    const f = seed();
    const p = nodeId("ProjectV2", f.project.id);
    const added = await f.gql(
      `mutation($p: ID!, $c: ID!) { addProjectV2ItemById(input: { projectId: $p, contentId: $c }) { item { id } } }`,
      {
        p,
        c: nodeId("Issue", f.issue.id),
      },
    );
    const itemId = added.data.addProjectV2ItemById.item.id;
    const wrong = await f.gql(
      `mutation($p: ID!, $i: ID!, $f: ID!) { updateProjectV2ItemFieldValue(input: { projectId: $p, itemId: $i, fieldId: $f, value: { text: "x" } }) { projectV2Item { id } } }`,
      { p, i: itemId, f: nodeId("ProjectV2SingleSelectField", f.project.fields[1]?.id ?? 0) },
    );
    expect(wrong.errors?.[0]).toMatchObject({
      type: "UNPROCESSABLE",
      message: "The SINGLE_SELECT field Status takes exactly one value: `singleSelectOptionId`.",
    });
    const noProjects = f.appAccess({ issues: "write" });
    const denied = await f.gql(
      `query { organization(login: "acme") { projectV2(number: 1) { title } } }`,
      {},
      noProjects,
    );
    expect(denied.data).toEqual({ organization: { projectV2: null } });
    expect(denied.errors?.[0]).toMatchObject({
      type: "FORBIDDEN",
      message: "Resource not accessible by integration",
    });
    const deleted = await f.gql(
      `mutation($p: ID!, $i: ID!) { deleteProjectV2Item(input: { projectId: $p, itemId: $i }) { deletedItemId } }`,
      {
        p,
        i: itemId,
      },
    );
    expect(deleted.data.deleteProjectV2Item.deletedItemId).toBe(itemId);
    expect(f.project.items).toEqual([]);
    expect(f.events.map((e) => e.action)).toEqual(["created", "deleted"]);
    const items = await f.gql(
      `{ repository(owner: "acme", name: "api") { issue(number: 1) { projectItems(first: 5) { totalCount } } } }`,
    );
    expect(items.data.repository.issue.projectItems.totalCount).toBe(0);
  });
});
