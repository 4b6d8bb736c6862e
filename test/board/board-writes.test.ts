import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHubConfig } from "../../app/config/parse-hub-config.ts";
import { reconcile } from "../../app/core/reconcile.ts";
import { applyActions } from "../../app/gateway/apply-actions.ts";
import type { GitHubClient } from "../../app/gateway/client.ts";
import { readOrchestration } from "../../app/gateway/read-orchestration.ts";
import { signerFromPrivateKey } from "../../app/trust/marker-signer.ts";
import { createProject } from "../../sandbox/ops/projects.ts";
import { nodeId } from "../../sandbox/state/node-id.ts";
import { startHarness, type Harness } from "../app/harness.ts";
import { planScenario } from "../app/installments-plan.ts";
import { appClient } from "../gate/agent-pull.ts";
import { BOARD_HUB_CONFIG, DEMO_BOARD } from "./board-fixture.ts";

let h: Harness;
let hub: number;
let app: Octokit;
/** GraphQL requests the App's client made, by kind (`mutation` or `query`). */
let counted: { mutation: number; query: number };

beforeAll(async () => {
  h = await startHarness({
    scenarios: [planScenario()],
    hubConfig: BOARD_HUB_CONFIG,
    seed: { projects: [DEMO_BOARD] },
  });
  const issue = await h.writer.issues.create({
    owner: "havun",
    repo: "hub",
    title: "Installments",
    body: "/orchestrate Add installment payments with 3-month and 6-month options",
  });
  hub = issue.data.number;
  await h.settle();
  app = appClient(h.sb);
  app.hook.wrap("request", async (request, options) => {
    if (String(options.url).endsWith("/graphql")) {
      const query = String((options as { query?: unknown }).query ?? "");
      counted[query.trimStart().startsWith("mutation") ? "mutation" : "query"]++;
    }
    return request(options);
  });
});
afterAll(() => h.stop());

/**
 * One reconcile as the App makes it (its installation token, its key), in this process so that
 * its GraphQL requests can be counted: the one read, then the board's writes.
 */
async function oneReconcile(config = BOARD_HUB_CONFIG) {
  const parsed = parseHubConfig(config);
  if (!parsed.ok) throw new Error("bad config");
  const signer = signerFromPrivateKey(h.sb.seeded.apps.havuncore!.app.privateKeyPem);
  const gh = app as unknown as GitHubClient;
  counted = { mutation: 0, query: 0 };
  const state = await readOrchestration(gh.graphql, "havun/hub", hub, {
    appSlug: "havuncore",
    signer,
    board: parsed.config.project_board,
  });
  const reads = counted.query;
  const { actions } = reconcile(state!, parsed.config, { signer, appSlug: "havuncore" });
  const board = actions.filter((a) => a.kind === "board" || a.kind === "create-board");
  counted = { mutation: 0, query: 0 };
  await applyActions(
    gh,
    { repo: "havun/hub", number: hub, id: state!.hub.id, nodeId: state!.hub.nodeId },
    board,
  );
  return { reads, writes: counted.mutation, board };
}

describe("board writes per reconcile, measured on the App's own client", () => {
  it("reads the board with the orchestration (one request) and writes nothing when it is up to date", async () => {
    const r = await oneReconcile();
    expect(r.reads).toBe(1);
    expect(r.board).toEqual([]);
    expect(r.writes).toBe(0);
  });

  it("puts a card a person changed back with one request", async () => {
    const project = h.sb.core.store.state.projects[0]!;
    const item = project.items[1]!;
    const kind = project.fields.find((f) => f.name === "Kind")!;
    const estimate = project.fields.find((f) => f.name === "Estimate")!;
    const p = nodeId("ProjectV2", project.id);
    const i = nodeId("ProjectV2Item", item.id);
    await h.writer.graphql(
      `mutation($p: ID!, $i: ID!, $k: ID!, $o: String!, $e: ID!) {
        a: updateProjectV2ItemFieldValue(input: { projectId: $p, itemId: $i, fieldId: $k, value: { singleSelectOptionId: $o } }) { clientMutationId }
        b: updateProjectV2ItemFieldValue(input: { projectId: $p, itemId: $i, fieldId: $e, value: { number: 1 } }) { clientMutationId }
      }`,
      {
        p,
        i,
        k: nodeId("ProjectV2SingleSelectField", kind.id),
        o: kind.options.find((o) => o.name === "docs")!.id,
        e: nodeId("ProjectV2Field", estimate.id),
      },
    );
    const r = await oneReconcile();
    expect(r.writes).toBe(1);
    expect((await oneReconcile()).writes).toBe(0);
  });

  it("fills an empty board in two requests: the items with their ids, then every value", async () => {
    const project = h.sb.core.store.state.projects[0]!;
    const p = nodeId("ProjectV2", project.id);
    const ids = project.items.map((i) => nodeId("ProjectV2Item", i.id));
    await h.writer.graphql(
      `mutation($p: ID!, ${ids.map((_, n) => `$i${n}: ID!`).join(", ")}) {
        ${ids.map((_, n) => `d${n}: deleteProjectV2Item(input: { projectId: $p, itemId: $i${n} }) { deletedItemId }`).join("\n")}
      }`,
      { p, ...Object.fromEntries(ids.map((id, n) => [`i${n}`, id])) },
    );
    const r = await oneReconcile();
    expect(r.board).toHaveLength(1);
    const b = r.board[0]!;
    if (b.kind !== "board") throw new Error("expected a board action");
    expect(b.add).toHaveLength(4);
    // The hub's Status, Estimate, Cost, Orchestration; each task's Status, Kind, Priority, Estimate,
    // Orchestration (no run has a cost yet; the built-in Repository shows itself).
    expect(b.add.reduce((n, a) => n + a.values.length, 0)).toBe(19);
    expect(r.writes).toBe(2);
    expect((await oneReconcile()).writes).toBe(0);
  });

  it("creates a new board's missing fields in one request, and fills it in one more", async () => {
    const second = createProject(h.sb.core, h.sb.core.store.account("havun")!.id, {
      title: "Second",
      fields: [...DEMO_BOARD.fields],
    });
    const config = BOARD_HUB_CONFIG.replace("number: 1 }", `number: ${second.number} }`);
    const first = await oneReconcile(config);
    expect(first.writes).toBe(2); // fields and items, then the values of the fields it had
    const next = await oneReconcile(config);
    expect(next.writes).toBe(1); // the values of the fields just created
    expect((await oneReconcile(config)).writes).toBe(0);
  });
});
