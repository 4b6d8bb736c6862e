import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoScenarios } from "../../cli/demo/scenarios.ts";
import { orchestrateAndApprove } from "./orchestrate.ts";
import { startWorld, type World } from "../../cli/demo/world.ts";
import { readCostMarkers } from "../../app/spec/agent-pull.ts";
import { signerFromPrivateKey } from "../../app/trust/marker-signer.ts";

/**
 * Without an exposed App server (no workflow API): the agent job reads its task from the
 * sub-issue with its read-only token, and only the publish job gets the App's key (an
 * organization secret in real life), from which `actions/create-github-app-token` mints a token
 * for its one repository and one that only reads the hub.
 */
let w: World;
beforeAll(async () => {
  w = await startWorld({
    scenarios: demoScenarios(),
    secretValue: "sk_live_standalone_42",
    standalone: true,
  });
  await orchestrateAndApprove(w);
}, 240_000);
afterAll(() => w?.stop());

async function jobLog(name: string): Promise<string> {
  const runs = await w.reviewer.request("GET /repos/{owner}/{repo}/actions/runs", {
    owner: "havun",
    repo: "api",
    event: "issues",
  });
  for (const r of runs.data.workflow_runs) {
    const jobs = await w.reviewer.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs", {
      owner: "havun",
      repo: "api",
      run_id: Number(r.id),
    });
    const job = jobs.data.jobs.find((j) => j.name === name && j.conclusion === "success");
    if (job)
      return String(
        (
          await w.reviewer.request("GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs", {
            owner: "havun",
            repo: "api",
            job_id: job.id,
          })
        ).data,
      );
  }
  throw new Error(`no successful ${name} job`);
}

describe("HavunCore without an exposed App server", () => {
  it("opens the task's pull request as the App, with a cost the App's key signed", async () => {
    const pulls = (await w.reviewer.pulls.list({ owner: "havun", repo: "api", state: "all" })).data;
    expect(pulls.map((p) => p.user?.login)).toEqual(["havuncore[bot]"]);
    const signer = signerFromPrivateKey(w.sb.seeded.apps.havuncore!.app.privateKeyPem);
    const costs = readCostMarkers(pulls[0]!.body ?? "", "havun/api#1", signer);
    expect(costs).toHaveLength(1);
    expect(costs[0]!.usd).toBeGreaterThan(0);
  });

  it("gives the App's key and tokens to the publish job only", async () => {
    const agent = await jobLog("agent / agent");
    const publish = await jobLog("publish / publish");
    expect(agent).not.toContain("create-github-app-token");
    expect(agent).not.toMatch(/HAVUN_APP_PRIVATE_KEY|app_private_key/);
    expect(publish).toContain("actions/create-github-app-token@v3");
    expect(publish).toContain("app_private_key: ***");
    expect(publish).not.toContain("BEGIN RSA PRIVATE KEY");
  });
});
