import { afterEach, describe, expect, it } from "vitest";
import { APP_MANIFEST } from "../../sandbox/default-seed.ts";
import { loadManifest } from "../../sandbox/state/seed.ts";
import { nodeId } from "../../sandbox/state/node-id.ts";
import { startHarness, type Harness } from "../app/harness.ts";
import { planScenario } from "../app/installments-plan.ts";
import { BOARD_HUB_CONFIG, DEMO_BOARD, readBoard, statuses } from "./board-fixture.ts";

let started: Harness | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
});

/** The harness of the running test; each test starts one first. */
function harness(): Harness {
  if (!started) throw new Error("start the harness first");
  return started;
}

async function orchestrate(): Promise<number> {
  const h = harness();
  const issue = await h.writer.issues.create({
    owner: "havun",
    repo: "hub",
    title: "Installments",
    body: "/orchestrate Add installment payments with 3-month and 6-month options",
  });
  await h.settle();
  return issue.data.number;
}

async function appComments(hub: number, key: string) {
  const h = harness();
  const all = await h.writer.issues.listComments({
    owner: "havun",
    repo: "hub",
    issue_number: hub,
  });
  return all.data.filter(
    (c) => c.user?.login === "havuncore[bot]" && c.body?.includes(`key=${key} -->`),
  );
}

async function status(hub: number) {
  const h = harness();
  await h.writer.issues.createComment({
    owner: "havun",
    repo: "hub",
    issue_number: hub,
    body: "/status",
  });
  await h.settle();
}

describe("a project board the App may not change", () => {
  it("explains the missing permission once on the hub, and runs the orchestration all the same", async () => {
    const manifest = loadManifest(APP_MANIFEST);
    const { organization_projects: _, ...permissions } = manifest.default_permissions ?? {};
    const h = (started = await startHarness({
      scenarios: [planScenario()],
      hubConfig: BOARD_HUB_CONFIG,
      seed: {
        apps: [
          {
            slug: "havuncore",
            owner: "havun",
            manifest: { ...manifest, default_permissions: permissions },
            installations: [{ account: "havun" }],
          },
        ],
        projects: [DEMO_BOARD],
      },
    }));
    const hub = await orchestrate();
    await status(hub);
    const notes = await appComments(hub, "board-access");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("it cannot read project 1 of havun");
    expect(notes[0]!.body).toContain("`organization_projects: write`");
    const subs = await h.writer.issues.listSubIssues({
      owner: "havun",
      repo: "hub",
      issue_number: hub,
    });
    expect(subs.data).toHaveLength(3);
    expect((await readBoard(h.writer)).cards).toEqual({});
  });
});

describe("a board whose Status lacks HavunCore's options", () => {
  it("names the missing options once, sets what it can, and leaves those cards' Status alone", async () => {
    const h = (started = await startHarness({
      scenarios: [planScenario()],
      hubConfig: BOARD_HUB_CONFIG,
      // GitHub's default Status (Todo, In Progress, Done) and its built-in Repository field.
      seed: {
        projects: [
          {
            owner: "havun",
            title: "Plain",
            fields: [{ name: "Repository", dataType: "REPOSITORY" }],
          },
        ],
      },
    }));
    const hub = await orchestrate();
    await status(hub);
    const notes = await appComments(hub, "board-options");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain(
      "- **Status**: `Blocked`, `Ready`, `In Review`, `Failed`, `Cancelled`\n",
    );
    expect(await statuses(h, hub)).toEqual({
      hub: "In Progress",
      "api-installments": "In Progress",
      "portal-checkout": undefined,
      "admin-dashboard": undefined,
    });
    expect((await readBoard(h.writer)).fields).toEqual([
      "Title:TITLE",
      "Status:SINGLE_SELECT",
      "Repository:REPOSITORY",
      "Kind:SINGLE_SELECT",
      "Priority:SINGLE_SELECT",
      "Estimate:NUMBER",
      "Cost:NUMBER",
      "Orchestration:TEXT",
    ]);
  });
});

describe("project_board with create: true", () => {
  it("creates the project by its title with HavunCore's Status options, fills it, and takes a move to Done", async () => {
    const h = (started = await startHarness({
      scenarios: [planScenario()],
      hubConfig: BOARD_HUB_CONFIG.replace(
        "project_board: { owner: havun, number: 1 }",
        "project_board: { owner: havun, title: Deliveries, create: true, board_commands: true }",
      ),
    }));
    const hub = await orchestrate();
    const projects = h.sb.core.store.state.projects;
    expect(projects.map((p) => [p.number, p.title])).toEqual([[1, "Deliveries"]]);
    const options = projects[0]!.fields
      .find((f) => f.name === "Status")!
      .options.map((o) => o.name);
    expect(options).toEqual([
      "Todo",
      "Blocked",
      "Ready",
      "In Progress",
      "In Review",
      "Done",
      "Failed",
      "Cancelled",
    ]);
    expect(await statuses(h, hub)).toEqual({
      hub: "In Progress",
      "api-installments": "In Progress",
      "portal-checkout": "Blocked",
      "admin-dashboard": "Blocked",
    });
    await status(hub);
    expect(h.sb.core.store.state.projects).toHaveLength(1);

    // board_commands: true — a writer moving a task's card to Done closes it as done.
    const project = h.sb.core.store.state.projects[0]!;
    const statusField = project.fields.find((f) => f.name === "Status")!;
    const api = h.sb.core.store.state.issues.find(
      (i) => i.number === 1 && h.sb.core.store.repoById(i.repoId).name === "api",
    )!;
    const item = project.items.find((i) => i.contentId === api.id)!;
    await h.writer.graphql(
      `mutation($p: ID!, $i: ID!, $f: ID!, $o: String!) { updateProjectV2ItemFieldValue(input: { projectId: $p, itemId: $i, fieldId: $f, value: { singleSelectOptionId: $o } }) { clientMutationId } }`,
      {
        p: nodeId("ProjectV2", project.id),
        i: nodeId("ProjectV2Item", item.id),
        f: nodeId("ProjectV2SingleSelectField", statusField.id),
        o: statusField.options.find((o) => o.name === "Done")!.id,
      },
    );
    await h.settle();
    const issue = await h.writer.issues.get({ owner: "havun", repo: "api", issue_number: 1 });
    expect(issue.data.state_reason).toBe("completed");
    const said = await h.writer.issues.listComments({
      owner: "havun",
      repo: "api",
      issue_number: 1,
    });
    expect(
      said.data.some((c) => c.body?.startsWith("`wendy` moved this task's card to **Done**")),
    ).toBe(true);
    expect(await statuses(h!, hub)).toEqual({
      hub: "In Progress",
      "api-installments": "Done",
      "portal-checkout": "In Progress",
      "admin-dashboard": "Blocked",
    });
  });
});
