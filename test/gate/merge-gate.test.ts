import { RequestError } from "@octokit/request-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestCheckRunAction } from "../../sandbox/ops/check-actions.ts";
import {
  appClient,
  jobClient,
  openAgentPull,
  pushCommit,
  reportContracts,
  tick,
  ticked,
  type AgentPull,
} from "./agent-pull.ts";
import { startGateHarness, type GateHarness } from "./gate-harness.ts";

let g: GateHarness;
beforeAll(async () => {
  g = await startGateHarness();
});
afterAll(() => g.h.stop());

const API_CRITERIA = ["GET /installment-plans lists 3 and 6 months", "Tests cover both endpoints"];
const PORTAL_CRITERIA = ["Checkout shows both options"];

describe("the merge gate (havun/gate) on a task's own pull requests", () => {
  let api: AgentPull;
  let portal: AgentPull;

  it("blocks the provider's pull request on a breaking change (a failed havun/contracts), naming it", async () => {
    const { h } = g;
    api = await openAgentPull(h.sb, {
      repo: "havun/api",
      hubIssue: g.hub,
      taskId: "api-installments",
      subIssue: g.subs.get("api-installments")!.number,
      criteria: API_CRITERIA,
    });
    await h.settle();
    let run = await g.gateRun(api, api.headSha);
    expect(run.app?.slug).toBe("havuncore");
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toContain(
      "“Tests cover both endpoints” is not ticked by a person with write access",
    );

    await tick(h.writer, api, API_CRITERIA); // wendy, an admin, verified them
    await reportContracts(
      h.sb,
      "havun/api",
      api.headSha,
      { service: "payments-api", openapi: "breaking", pacts: "verified" },
      "failure",
      "payments-api: breaking OpenAPI change",
    );
    await h.settle();
    run = await g.gateRun(api, api.headSha);
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("1 missing: contract checks");
    expect(run.output.summary).toContain(
      "- [x] Acceptance: all 2 criteria ticked, the body last saved by `wendy` (write access)",
    );
    expect(run.output.summary).toMatch(
      /- \[ \] \*\*Contracts\*\*: \[`havun\/contracts`\]\(http[^)]+\) failure: payments-api: breaking OpenAPI change; no breaking change of `payments-api` is declared \(a person with write access to the hub comments `\/breaking payments-api <reason>`/,
    );
  });

  it("blocks the consumer's pull request on an unticked item and an unmerged dependency", async () => {
    const { h } = g;
    portal = await openAgentPull(h.sb, {
      repo: "havun/portal",
      hubIssue: g.hub,
      taskId: "portal-checkout",
      subIssue: g.subs.get("portal-checkout")!.number,
      criteria: PORTAL_CRITERIA,
    });
    await h.settle();
    const run = await g.gateRun(portal, portal.headSha);
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("2 missing: acceptance checklist, dependencies");
    const summary = run.output.summary ?? "";
    expect(summary).toContain(
      "- [ ] **Acceptance**: “Checkout shows both options” is not ticked by a person with write access",
    );
    expect(summary).toMatch(
      /- \[ \] \*\*Dependency\*\*: \[api-installments\]\(http[^)]+\/havun\/api\/issues\/\d+\) is not done: its pull request \[havun\/api#\d+\]\(http[^)]+\) is not merged yet/,
    );
    expect(run.details_url).toMatch(/\/havun\/portal\/issues\/\d+$/);
  });

  it("counts no ticks a workflow's token saved, and refuses a reader's edit as GitHub does", async () => {
    const { h } = g;
    await tick(jobClient(h.sb, "havun/portal"), portal, PORTAL_CRITERIA);
    await h.settle();
    const run = await g.gateRun(portal, portal.headSha);
    expect(run.output.summary).toContain(
      "> The checklist has 1 tick, but the body was last saved by `github-actions`, a bot, so it does not count",
    );
    const refused = await tick(h.reader, portal, PORTAL_CRITERIA).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RequestError);
    expect((refused as RequestError).status).toBe(403);
  });

  it("re-evaluates on the Re-run gate button (an edit whose webhook was lost), and writes nothing when nothing changed", async () => {
    const { h } = g;
    const app = h.sb.seeded.apps.havuncore!.app;
    const url = app.webhookUrl;
    app.webhookUrl = null; // the App misses the edit, as when a delivery fails
    const pr = await h.writer.pulls.get({
      owner: "havun",
      repo: "portal",
      pull_number: portal.number,
    });
    await h.writer.pulls.update({
      owner: "havun",
      repo: "portal",
      pull_number: portal.number,
      body: `${ticked(pr.data.body ?? "", PORTAL_CRITERIA)}\n\nLooks good.`,
    });
    await h.settle();
    app.webhookUrl = url;
    let run = await g.gateRun(portal, portal.headSha);
    expect(run.output.summary).toContain("a bot, so it does not count"); // stale

    // Stands in for a person clicking "Re-run gate" on the check run.
    const wendy = h.sb.core.store.account("wendy")!;
    const click = () =>
      requestCheckRunAction(h.sb.core, run.id, "rerun-gate", {
        accountId: wendy.id,
        via: "user",
        appId: null,
      });
    click();
    await h.settle();
    run = await g.gateRun(portal, portal.headSha);
    expect(run.output.title).toBe("1 missing: dependencies");
    expect(run.output.summary).toContain("- [x] Acceptance: all 1 criteria ticked");

    const mark = h.sb.log.mark();
    click();
    await h.settle();
    const counts = h.sb.log.counts(mark, "installation:havuncore[bot]").byRoute;
    // One read and the editor's permission, no write.
    expect(Object.keys(counts).sort()).toEqual([
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      "POST /graphql",
    ]);
  });

  it("ignores a breaking-change marker in the hub issue's text; honours `/breaking`, once every consumer task is done", async () => {
    const { h } = g;
    const issue = await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: g.hub });
    await h.writer.issues.update({
      owner: "havun",
      repo: "hub",
      issue_number: g.hub,
      body: `<!-- havun:breaking contract=payments-api -->\n${issue.data.body ?? ""}`,
    });
    await h.settle();
    let run = await g.gateRun(api, api.headSha);
    expect(run.output.summary).toContain("no breaking change of `payments-api` is declared");

    await h.writer.issues.createComment({
      owner: "havun",
      repo: "hub",
      issue_number: g.hub,
      body: "/breaking billing",
    });
    await h.settle();
    const refused = await h.writer.issues.listComments({
      owner: "havun",
      repo: "hub",
      issue_number: g.hub,
    });
    expect(refused.data.at(-1)?.body).toContain(
      "No task of this orchestration provides a contract `billing`. Contracts its tasks provide: `payments-api`.",
    );

    await h.writer.issues.createComment({
      owner: "havun",
      repo: "hub",
      issue_number: g.hub,
      body: "/breaking payments-api the plans endpoint replaces the old one",
    });
    await h.settle();
    run = await g.gateRun(api, api.headSha);
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toMatch(
      /the breaking change of `payments-api` is declared, but its consumer task \[portal-checkout\]\(http[^)]+\) \(its pull request \[havun\/portal#\d+\]\(http[^)]+\) is not merged yet\) must be done first/,
    );
    const comments = await h.writer.issues.listComments({
      owner: "havun",
      repo: "hub",
      issue_number: g.hub,
    });
    expect(comments.data.at(-1)?.body).toContain(
      "Breaking change of `payments-api` declared by `wendy`: the plans endpoint replaces the old one.",
    );
  });

  it("passes the provider once a new head's contract check succeeds", async () => {
    const { h } = g;
    const head = await pushCommit(api, "src/compatible.js");
    await h.settle();
    expect((await g.gateRun(api, head)).output.summary).toContain(
      "no `havun/contracts` check run from `github-actions` on",
    );
    // Another App's `havun/contracts` (here HavunCore's own installation) does not count.
    await reportContracts(
      h.sb,
      "havun/api",
      head,
      { service: "payments-api", openapi: "compatible", pacts: "verified" },
      "success",
      "payments-api: contract kept",
      appClient(h.sb),
    );
    await reportContracts(
      h.sb,
      "havun/api",
      head,
      { service: "payments-api", openapi: "compatible", pacts: "verified" },
      "success",
      "payments-api: contract kept",
    );
    await h.settle();
    const run = await g.gateRun(api, head);
    expect(run.conclusion).toBe("success");
    expect(run.output.title).toBe("Ready to merge");
    expect(run.output.summary).toMatch(
      /> \[`havun\/contracts`\]\(http[^)]+\) reported by the App `havuncore` is ignored: only `github-actions`'s contract checks count\./,
    );
    api.headSha = head;
  });

  it("passes the consumer once its dependency's pull request is merged", async () => {
    const { h } = g;
    const from = h.sb.log.entries.length;
    await h.writer.pulls.merge({ owner: "havun", repo: "api", pull_number: api.number });
    await h.settle();
    // The merge's gating covers the sub-issue it closed: its `closed` event reads nothing more.
    expect(h.sb.log.entries.slice(from).filter((e) => e.operation === "GateIssue")).toEqual([]);
    const run = await g.gateRun(portal, portal.headSha);
    expect(run.conclusion).toBe("success");
    expect(run.output.summary).toContain("- [x] Dependencies: `api-installments` done");
  });
});
