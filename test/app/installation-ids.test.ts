import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signingKey, signJwt } from "../../sandbox/actions/oidc/keys.ts";
import { startHarness, type Harness } from "./harness.ts";
import { planScenario } from "./installments-plan.ts";

/**
 * The workflow API learns which installation a repository is in from the signed webhooks (each
 * names its installation and repository) instead of asking GitHub on each call, and forgets it
 * when GitHub says the App left the repository. The sandbox does not model removing a repository
 * from an installation, so that one webhook is sent here, signed with the App's secret as GitHub
 * signs it; everything else is the sandbox's.
 */
let h: Harness;
let apiIssue: number;
const LOOKUP = "GET /repos/{owner}/{repo}/installation";

beforeAll(async () => {
  h = await startHarness({ scenarios: [planScenario()], workflowApi: true });
  const hub = await h.writer.issues.create({
    owner: "havun",
    repo: "hub",
    title: "Installments",
    body: "/orchestrate Add installment payments with 3-month and 6-month options",
  });
  await h.settle();
  const subs = (
    await h.writer.issues.listSubIssues({
      owner: "havun",
      repo: "hub",
      issue_number: hub.data.number,
    })
  ).data;
  apiIssue = subs.find((s) => s.repository_url.endsWith("/havun/api"))!.number;
}, 120_000);
afterAll(() => h.stop());

function runToken(): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(signingKey(h.sb.core), {
    jti: randomUUID(),
    iss: h.sb.oidcIssuer,
    aud: "havuncore",
    sub: "repo:havun/api:ref:refs/heads/main",
    repository: "havun/api",
    repository_owner: "havun",
    event_name: "issues",
    job_workflow_ref: "havun/havuncore/.github/workflows/agent.yml@refs/heads/main",
    run_id: "501",
    run_attempt: "1",
    actor: "wendy",
    iat: now,
    nbf: now - 60,
    exp: now + 300,
  });
}

async function progress(): Promise<number> {
  const r = await fetch(`${h.app.url}/api/havun/v1/progress`, {
    method: "POST",
    headers: { authorization: `Bearer ${runToken()}`, "content-type": "application/json" },
    body: JSON.stringify({ issue: apiIssue, hub: "havun/hub", state: "working", steps: [] }),
  });
  return r.status;
}

const lookups = (from: number) =>
  h.sb.log.entries.slice(from).filter((e) => `${e.method} ${e.route}` === LOOKUP).length;

describe("which installation a repository is in", () => {
  it("comes from the webhooks, and is asked again once the App left the repository", async () => {
    const registered = h.sb.seeded.apps.havuncore!.app;
    const task = await fetch(`${h.app.url}/api/havun/v1/task`, {
      method: "POST",
      headers: { authorization: `Bearer ${runToken()}`, "content-type": "application/json" },
      body: JSON.stringify({ issue: apiIssue, hub: "havun/hub" }),
    });
    expect(task.status).toBe(200);
    await h.settle();
    let from = h.sb.log.entries.length;
    expect(await progress()).toBe(200);
    expect(lookups(from)).toBe(0);

    const installation = h.sb.core.store.state.installations.find(
      (i) => i.appId === registered.id,
    )!;
    const body = JSON.stringify({
      action: "removed",
      installation: { id: installation.id },
      repository_selection: "selected",
      repositories_added: [],
      repositories_removed: [
        { id: 1, node_id: "R_1", name: "api", full_name: "havun/api", private: true },
      ],
      sender: { login: "wendy", id: 1, type: "User" },
    });
    const sent = await fetch(registered.webhookUrl!, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "installation_repositories",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": `sha256=${createHmac("sha256", registered.webhookSecret!).update(body).digest("hex")}`,
      },
      body,
    });
    expect(sent.status).toBeLessThan(300);
    from = h.sb.log.entries.length;
    expect(await progress()).toBe(200);
    expect(lookups(from)).toBe(1);
  });
});
