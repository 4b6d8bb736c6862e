import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestCheckRunAction } from "../../sandbox/ops/check-actions.ts";
import { startHarness, type Harness } from "../app/harness.ts";
import { planScenario } from "../app/installments-plan.ts";
import {
  acceptanceSection,
  openAgentPull,
  pushCommit,
  reportContracts,
  type AgentPull,
} from "./agent-pull.ts";

let h: Harness;
let hub: number;
const subs = new Map<string, { repo: string; number: number }>();

beforeAll(async () => {
  h = await startHarness({ scenarios: [planScenario()] });
  const issue = await h.writer.issues.create({
    owner: "havun",
    repo: "hub",
    title: "Installments",
    body: "/orchestrate Add installment payments with 3-month and 6-month options",
  });
  hub = issue.data.number;
  await h.settle();
  const listed = await h.writer.issues.listSubIssues({
    owner: "havun",
    repo: "hub",
    issue_number: hub,
  });
  for (const s of listed.data) {
    const id = /id=([a-z0-9-]+) -->/.exec(s.body ?? "")?.[1];
    if (id)
      subs.set(id, { repo: s.repository_url.split("/").slice(-2).join("/"), number: s.number });
  }
});
afterAll(() => h.stop());

async function gateRun(pull: { repo: string }, headSha: string) {
  const [owner = "", repo = ""] = pull.repo.split("/");
  const { data } = await h.writer.checks.listForRef({
    owner,
    repo,
    ref: headSha,
    check_name: "havun/gate",
  });
  expect(data.check_runs).toHaveLength(1); // updated in place, never duplicated
  return data.check_runs[0]!;
}

const API_CRITERIA = ["GET /installment-plans lists 3 and 6 months", "Tests cover both endpoints"];

describe("the merge gate (havun/gate) on agent pull requests", () => {
  let api: AgentPull;
  let portal: AgentPull;

  it("blocks the provider's pull request on a breaking change (a failed havun/contracts), naming it", async () => {
    api = await openAgentPull(h.sb, {
      repo: "havun/api",
      hubIssue: hub,
      taskId: "api-installments",
      subIssue: subs.get("api-installments")!.number,
      acceptance: API_CRITERIA.map((c) => [c, true]),
    });
    await h.settle();
    let run = await gateRun(api, api.headSha);
    expect(run.app?.slug).toBe("havuncore");
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toContain("no `havun/contracts` check run on");
    expect(run.output.summary).toContain("- [x] Acceptance: all 2 criteria checked");

    await reportContracts(
      h.sb,
      "havun/api",
      api.headSha,
      { service: "payments-api", openapi: "breaking", pacts: "verified" },
      "failure",
      "payments-api: breaking OpenAPI change",
    );
    await h.settle();
    run = await gateRun(api, api.headSha);
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("1 missing: contract checks");
    expect(run.output.summary).toMatch(
      /- \[ \] \*\*Contracts\*\*: \[`havun\/contracts`\]\(http[^)]+\) failure: payments-api: breaking OpenAPI change; the plan does not declare a breaking change of `payments-api`/,
    );
  });

  it("blocks the consumer's pull request on an unchecked item and an unmerged dependency", async () => {
    portal = await openAgentPull(h.sb, {
      repo: "havun/portal",
      hubIssue: hub,
      taskId: "portal-checkout",
      subIssue: subs.get("portal-checkout")!.number,
      acceptance: [["Checkout shows both options", false]],
    });
    await h.settle();
    const run = await gateRun(portal, portal.headSha);
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("2 missing: acceptance checklist, dependencies");
    const summary = run.output.summary ?? "";
    expect(summary).toContain("- [ ] **Acceptance**: “Checkout shows both options” is not checked");
    expect(summary).toMatch(
      /- \[ \] \*\*Dependency\*\*: \[api-installments\]\(http[^)]+\/havun\/api\/issues\/\d+\) is not done: its pull request \[havun\/api#\d+\]\(http[^)]+\) is not merged yet/,
    );
    expect(run.details_url).toMatch(/\/havun\/portal\/issues\/\d+$/);
  });

  it("re-evaluates on the Re-run gate button (an edit whose webhook was lost), and writes nothing when nothing changed", async () => {
    const app = h.sb.seeded.apps.havuncore!.app;
    const url = app.webhookUrl;
    app.webhookUrl = null; // the App misses the edit, as when a delivery fails
    await h.writer.pulls.update({
      owner: "havun",
      repo: "portal",
      pull_number: portal.number,
      body: `Closes havun/portal#${subs.get("portal-checkout")!.number}\n\n${acceptanceSection([["Checkout shows both options", true]])}`,
    });
    await h.settle();
    app.webhookUrl = url;
    let run = await gateRun(portal, portal.headSha);
    expect(run.output.summary).toContain("is not checked"); // stale

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
    run = await gateRun(portal, portal.headSha);
    expect(run.output.title).toBe("1 missing: dependencies");
    expect(run.output.summary).toContain("- [x] Acceptance: all 1 criteria checked");

    const mark = h.sb.log.mark();
    click();
    await h.settle();
    const counts = h.sb.log.counts(mark, "installation:havuncore[bot]").byRoute;
    expect(Object.keys(counts)).toEqual(["POST /graphql"]); // one read, no write
  });

  it("accepts a declared breaking change only once every consumer task is done", async () => {
    const issue = await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: hub });
    await h.writer.issues.update({
      owner: "havun",
      repo: "hub",
      issue_number: hub,
      body: `<!-- havun:breaking contract=payments-api -->\n${issue.data.body ?? ""}`,
    });
    await h.settle();
    const run = await gateRun(api, api.headSha);
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toMatch(
      /the breaking change of `payments-api` is declared, but its consumer task \[portal-checkout\]\(http[^)]+\) \(its pull request \[havun\/portal#\d+\]\(http[^)]+\) is not merged yet\) must be done first/,
    );
  });

  it("passes the provider once a new head's contract check succeeds", async () => {
    const head = await pushCommit(h.sb, api, "src/compatible.js");
    await h.settle();
    expect((await gateRun(api, head)).output.summary).toContain(
      "no `havun/contracts` check run on",
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
    const run = await gateRun(api, head);
    expect(run.conclusion).toBe("success");
    expect(run.output.title).toBe("Ready to merge");
    api.headSha = head;
  });

  it("passes the consumer once its dependency's pull request is merged", async () => {
    await h.writer.pulls.merge({ owner: "havun", repo: "api", pull_number: api.number });
    await h.settle();
    const run = await gateRun(portal, portal.headSha);
    expect(run.conclusion).toBe("success");
    expect(run.output.summary).toContain("- [x] Dependencies: `api-installments` done");
  });
});
