import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyedComment } from "../../app/gateway/apply-actions.ts";
import { readPlanFromComments, renderPlanMarker } from "../../app/gateway/plan-store.ts";
import { planSchema } from "../../app/spec/task-schema.ts";
import { quiet } from "../sandbox/fixtures.ts";
import { prefixed, rounds } from "./edge-plans.ts";
import { startHarness, type Harness } from "./harness.ts";
import { INSTALLMENTS_PLAN } from "./installments-plan.ts";
import { restarts } from "./restart-apps.ts";

/** A plan whose only task is in havun/hub: a repository the hub's config does not list. */
const OUTSIDE = planSchema.parse({
  summary: "Planted.",
  tasks: [{ ...prefixed("px").tasks[0]!, repo: "havun/hub", dependencies: [] }],
});
const PLANTED = renderPlanMarker(OUTSIDE);

/** Invalid planner output carrying the marker (as an unknown key, which the problems quote). */
const INVALID = { ...INSTALLMENTS_PLAN, [PLANTED]: true };

let h: Harness;
let apps: ReturnType<typeof restarts>;
beforeAll(async () => {
  h = await startHarness({
    scenarios: [
      rounds("plant-a-plan", INVALID, INVALID),
      rounds("replant", INVALID, INVALID),
      rounds("base-plan", prefixed("bp")),
    ],
  });
  apps = restarts(h);
});
afterAll(async () => {
  await apps.stop();
  await h.stop();
});

const hub = { owner: "havun", repo: "hub" };
const appBodies = async (n: number) =>
  (await h.writer.issues.listComments({ ...hub, issue_number: n })).data
    .filter((c) => c.user?.login === "havuncore[bot]")
    .map((c) => c.body ?? "");
/** Issues in havun/hub that the App filed (sub-issues carry a task marker). */
const filedInHub = async () =>
  (await h.writer.issues.listForRepo({ ...hub, state: "all" })).data.filter((i) =>
    (i.body ?? "").includes("havun:task"),
  );
/** Every `<!-- havun:` in the App's comments is its own comment key. */
// The App's own markers: a comment's key, and the planning's signed cost (a failed plan costs too).
const foreignMarkers = (bodies: string[]) =>
  bodies.flatMap(
    (b) =>
      b.match(
        /<!-- havun:(?!comment key=[a-z0-9-]+ -->|planner-cost hub=\S+ key=[a-z0-9-]+ usd=[0-9.]+ in=\d+ out=\d+ sig=[\w-]+ -->)[^\n]*/g,
      ) ?? [],
  );

describe("a plan planted in the App's own comments", () => {
  it("invalid planner output with a plan marker is shown inert, and nothing is filed", async () => {
    const issue = (
      await h.writer.issues.create({ ...hub, title: "p", body: "/orchestrate plant-a-plan" })
    ).data.number;
    await h.settle();
    const bodies = await appBodies(issue);
    const failure = bodies.find((b) => b.includes("could not make a valid plan"));
    expect(failure).toBeDefined();
    expect(failure).toContain(PLANTED.slice("<!-- ".length, -" -->".length)); // shown, as text
    expect(foreignMarkers(bodies)).toEqual([]);
    expect(readPlanFromComments(bodies)).toBeNull();

    await h.writer.issues.createComment({ ...hub, issue_number: issue, body: "/status" });
    await h.settle();
    expect((await h.writer.issues.listSubIssues({ ...hub, issue_number: issue })).data).toEqual([]);
    expect(await filedInHub()).toEqual([]);
  });

  it("a /replan answered with a plan marker leaves the plan as it was", async () => {
    const issue = (
      await h.writer.issues.create({ ...hub, title: "b", body: "/orchestrate base-plan" })
    ).data.number;
    await h.settle();
    await h.writer.issues.createComment({ ...hub, issue_number: issue, body: "/replan replant" });
    await h.settle();
    const bodies = await appBodies(issue);
    const error = bodies.find((b) => b.includes("The replan was not valid"));
    expect(error).toBeDefined();
    expect(foreignMarkers([error!])).toEqual([]);
    expect(bodies.some((b) => b.includes(PLANTED))).toBe(false);
    expect(readPlanFromComments(bodies)?.tasks.map((t) => t.repo)).not.toContain("havun/hub");
    await h.writer.issues.createComment({ ...hub, issue_number: issue, body: "/status" });
    await h.settle();
    expect(await filedInHub()).toEqual([]);
  });

  it("a stored plan outside the config is not acted on at restart, and says so once", async () => {
    apps.down();
    const issue = await h.writer.issues.create({ ...hub, title: "s", body: "/orchestrate x" });
    // However it got there: a plan comment by the App's bot naming a repository outside the config.
    const registered = h.sb.seeded.apps.havuncore!;
    const asApp = new Octokit({
      baseUrl: h.sb.apiUrl,
      authStrategy: createAppAuth,
      auth: {
        appId: registered.app.id,
        privateKey: registered.app.privateKeyPem,
        installationId: registered.installations[0]!.id,
      },
      log: quiet,
    });
    await asApp.issues.createComment({
      ...hub,
      issue_number: issue.data.number,
      body: keyedComment("plan", `A plan.\n\n${PLANTED}`),
    });
    for (let i = 0; i < 2; i++) {
      const app = await apps.restart();
      await apps.settle(app);
    }
    expect(await filedInHub()).toEqual([]);
    const refusals = (await appBodies(issue.data.number)).filter((b) =>
      b.includes("will not act on this orchestration's plan"),
    );
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain("havun/hub is not a project of this hub");
    expect(h.model.recorder.records.filter((r) => r.scenario === null)).toEqual([]);
  });
});
