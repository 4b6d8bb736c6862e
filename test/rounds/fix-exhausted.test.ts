import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoScenarios } from "../../cli/demo/scenarios.ts";
import { settle } from "../../cli/demo/settle.ts";
import { HUB_CONFIG, startWorld, type World } from "../../cli/demo/world.ts";
import { orchestrateAndApprove } from "../security/orchestrate.ts";
import { brokenApi, fixApi } from "./scenarios.ts";

/**
 * An agent that never fixes its failing check: after its fix round (the hub allows one) the task
 * fails with a comment saying which check still fails; a writer's `/retry` on the sub-issue
 * grants one more round on the same branch.
 */
let w: World;
const sub = () => w.reviewer.issues.get({ owner: "havun", repo: "api", issue_number: 1 });
const labels = async () =>
  (await sub()).data.labels.map((l) => (typeof l === "string" ? l : l.name));
const comments = async () =>
  (await w.reviewer.issues.listComments({ owner: "havun", repo: "api", issue_number: 1 })).data.map(
    (c) => c.body ?? "",
  );

beforeAll(async () => {
  w = await startWorld({
    scenarios: [fixApi({ useless: true }), brokenApi(), ...demoScenarios()],
    secretValue: "sk_live_rounds_2",
    hubConfig: `${HUB_CONFIG}  fix_attempts: 1\n`,
  });
  await orchestrateAndApprove(w);
  await settle(w);
}, 300_000);
afterAll(() => w?.stop());

describe("fix rounds that run out", () => {
  it("fails the task after its budget, saying which check still fails", async () => {
    expect(await labels()).toContain("havun:failed");
    const note = (await comments()).find((c) => c.includes("HavunCore stopped fixing this task"));
    expect(note).toMatch(/its 1 fix round is used up and `test` fails on havun\/api#2/);
    expect(note).toContain("/retry");
    const hub = (await w.reviewer.issues.get({ owner: "havun", repo: "hub", issue_number: 1 }))
      .data;
    expect(hub.body).toMatch(/api-installments.*failed/);
    // No fresh attempt on a new branch: the one pull request stays.
    expect(
      (await w.reviewer.pulls.list({ owner: "havun", repo: "api", state: "all" })).data,
    ).toHaveLength(1);
  });

  it("/retry on the sub-issue grants one more round on the same branch", async () => {
    const rounds = () =>
      w.model.recorder.records.filter((r) =>
        /fix round \d+ on pull request/.test(JSON.stringify(r.body)),
      );
    const before = new Set(
      rounds().map((r) => JSON.stringify(r.body).match(/fix round (\d+)/)![1]),
    );
    await w.reviewer.issues.createComment({
      owner: "havun",
      repo: "api",
      issue_number: 1,
      body: "/retry",
    });
    await settle(w);
    const after = new Set(rounds().map((r) => JSON.stringify(r.body).match(/fix round (\d+)/)![1]));
    expect([...before]).toEqual(["1"]);
    expect([...after].sort()).toEqual(["1", "2"]);
    expect(
      (await comments()).filter((c) => c.includes("HavunCore stopped fixing this task")),
    ).toHaveLength(2);
  });
});
