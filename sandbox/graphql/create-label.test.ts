import { describe, expect, it } from "vitest";
import type { Actor } from "../core.ts";
import { createLabel } from "../ops/labels.ts";
import { nodeId } from "../state/node-id.ts";
import { graphqlFixture } from "./test-fixture.ts";

function seed() {
  const f = graphqlFixture();
  const actor: Actor = { accountId: f.accounts.alice.id, via: "user", appId: null };
  createLabel(f.core, actor, f.repos.hub, { name: "planned", color: "0e8a16" });
  f.events.length = 0;
  return { ...f, repoId: nodeId("Repository", f.repos.hub.id) };
}

const CREATE = `mutation($input: CreateLabelInput!) {
  createLabel(input: $input) { clientMutationId label { id name color description repository { nameWithOwner } } }
}`;

const hubLabels = (f: ReturnType<typeof seed>) =>
  f.store.state.labels.filter((l) => l.repoId === f.repos.hub.id).map((l) => l.name);

// GitHub's reference: createLabel(input: {repositoryId, name, color, description}) "Creates a new
// label"; the REST rules apply (a name the repository lacks, a 6-digit hex colour without `#`,
// write access to issues or pull requests) and the `label` webhook fires with action `created`.
describe("GraphQL createLabel", () => {
  it("creates the label, returns it and fires label.created", async () => {
    const f = seed();
    const body = await f.gql(CREATE, {
      input: {
        repositoryId: f.repoId,
        name: "havun:ready",
        color: "0E8A16",
        description: "Ready to run",
        clientMutationId: "l1",
      },
    });
    expect(body.errors).toBeUndefined();
    const made = f.store.state.labels.find((l) => l.name === "havun:ready")!;
    expect(body.data.createLabel).toEqual({
      clientMutationId: "l1",
      label: {
        id: nodeId("Label", made.id),
        name: "havun:ready",
        color: "0e8a16",
        description: "Ready to run",
        repository: { nameWithOwner: "acme/hub" },
      },
    });
    expect(f.events.map((e) => `${e.name}.${e.action}`)).toEqual(["label.created"]);
    expect(f.events[0]).toMatchObject({
      repoId: f.repos.hub.id,
      senderId: f.accounts.bot.id,
      via: "installation",
      payload: { label: { name: "havun:ready", color: "0e8a16" } },
    });
  });

  it("refuses a name the repository already has (any case) as UNPROCESSABLE, firing nothing", async () => {
    const f = seed();
    const body = await f.gql(CREATE, {
      input: { repositoryId: f.repoId, name: "Planned", color: "ededed" },
    });
    expect(body.data).toEqual({ createLabel: null });
    expect(body.errors).toEqual([
      {
        type: "UNPROCESSABLE",
        path: ["createLabel"],
        locations: [{ line: 2, column: 3 }],
        message: "Name already exists",
      },
    ]);
    expect(hubLabels(f)).toEqual(["planned"]);
    expect(f.events).toEqual([]);
  });

  it("refuses a colour that is not 6 hex digits", async () => {
    const f = seed();
    const body = await f.gql(CREATE, {
      input: { repositoryId: f.repoId, name: "x", color: "green" },
    });
    expect(body.errors?.[0]).toMatchObject({ type: "UNPROCESSABLE", message: "Color is invalid" });
    expect(hubLabels(f)).toEqual(["planned"]);
  });

  it("needs write access: FORBIDDEN for a read-only token, NOT_FOUND for a repository it cannot see", async () => {
    const f = seed();
    const readOnly = f.appAccess({ issues: "read", pull_requests: "read", metadata: "read" });
    const forbidden = await f.gql(
      CREATE,
      { input: { repositoryId: f.repoId, name: "x", color: "ededed" } },
      readOnly,
    );
    expect(forbidden.errors?.[0]).toMatchObject({
      type: "FORBIDDEN",
      message: "Resource not accessible by integration",
    });
    const unseen = nodeId("Repository", f.repos.tools.id);
    const hidden = await f.gql(CREATE, {
      input: { repositoryId: unseen, name: "x", color: "ededed" },
    });
    expect(hidden.errors?.[0]).toMatchObject({
      type: "NOT_FOUND",
      message: `Could not resolve to a node with the global id of '${unseen}'.`,
    });
    expect(f.events).toEqual([]);
  });

  it("runs aliased creates of one request each on its own: a taken name fails only its alias", async () => {
    const f = seed();
    const body = await f.gql(
      `mutation($repo: ID!) {
        a: createLabel(input: { repositoryId: $repo, name: "havun:ready", color: "0e8a16" }) { label { name } }
        b: createLabel(input: { repositoryId: $repo, name: "planned", color: "ededed" }) { label { name } }
        c: createLabel(input: { repositoryId: $repo, name: "havun:blocked", color: "d93f0b" }) { label { name } }
      }`,
      { repo: f.repoId },
    );
    expect(body.data).toEqual({
      a: { label: { name: "havun:ready" } },
      b: null,
      c: { label: { name: "havun:blocked" } },
    });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ type: "UNPROCESSABLE", path: ["b"] });
    expect(hubLabels(f)).toEqual(["planned", "havun:ready", "havun:blocked"]);
    expect(f.events.map((e) => `${e.name}.${e.action}`)).toEqual([
      "label.created",
      "label.created",
    ]);
  });
});
