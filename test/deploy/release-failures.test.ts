import { beforeAll, describe, expect, it } from "vitest";
import { portalPact } from "../../cli/demo/release-files.ts";
import { runDemo, type DemoResult } from "../../cli/demo/run-demo.ts";
import type { World } from "../../cli/demo/world.ts";

const PACT = "contracts/payments/pacts/portal/portal-api.json";

async function writeHubFile(w: World, path: string, content: string, message: string) {
  const gh = w.reviewer;
  const current = await gh.repos.getContent({ owner: "havun", repo: "hub", path });
  await gh.repos.createOrUpdateFileContents({
    owner: "havun",
    repo: "hub",
    path,
    message,
    content: Buffer.from(content).toString("base64"),
    sha: (current.data as { sha: string }).sha,
  });
}

/** What GitHub shows when the loop stalls: the hub's comments, its integration check, deployments. */
async function look(w: World, hub: number) {
  const gh = w.reviewer;
  const comments = (
    await gh.issues.listComments({ owner: "havun", repo: "hub", issue_number: hub })
  ).data.map((c) => c.body ?? "");
  const checks = (
    await gh.checks.listForRef({
      owner: "havun",
      repo: "hub",
      ref: "main",
      check_name: "havun/integration",
    })
  ).data.check_runs;
  const deployments: { repo: string; state: string | null; logUrl: string }[] = [];
  for (const repo of ["api", "portal"])
    for (const d of (await gh.repos.listDeployments({ owner: "havun", repo })).data) {
      const s = (
        await gh.repos.listDeploymentStatuses({ owner: "havun", repo, deployment_id: d.id })
      ).data[0];
      deployments.push({ repo, state: s?.state ?? null, logUrl: s?.log_url ?? "" });
    }
  const state = (await gh.issues.get({ owner: "havun", repo: "hub", issue_number: hub })).data
    .state;
  return { comments, check: checks[0], deployments, state };
}

type Look = Awaited<ReturnType<typeof look>>;

/**
 * The phase's failures, end to end on the sandbox in one world (the real App, runner and git):
 * the portal's pact in the hub expects a field the API's merged description does not declare,
 * so the integration check fails and nothing deploys; a writer fixes the pact, a deploy freeze
 * is on, and `/deploy` checks again: the integration passes, the API's deployment fails and the
 * chain stops before the portal; the freeze lifted, `/deploy` deploys the API, then the portal.
 */
describe("the phase after the last merge, when something is broken", () => {
  const stalls: Look[] = [];
  let result: DemoResult;

  beforeAll(async () => {
    result = await runDemo({
      log: () => {},
      release: true,
      onStart: (w) =>
        writeHubFile(w, PACT, portalPact({ months: 3, apr: 1.9 }), "portal: read the plan's APR"),
      onStall: async (w, hub) => {
        stalls.push(await look(w, hub));
        const gh = w.reviewer;
        if (stalls.length === 1) {
          await writeHubFile(w, PACT, portalPact(), "portal: the APR is not the API's to give");
          await gh.actions.createRepoVariable({
            owner: "havun",
            repo: "api",
            name: "DEPLOY_FREEZE",
            value: "the payments migration is not done",
          });
        } else if (stalls.length === 2) {
          await gh.actions.deleteRepoVariable({
            owner: "havun",
            repo: "api",
            name: "DEPLOY_FREEZE",
          });
        } else return false;
        await gh.issues.createComment({
          owner: "havun",
          repo: "hub",
          issue_number: hub,
          body: "/deploy",
        });
        return true;
      },
    });
  }, 900_000);

  it("a consumer's pact broken after the merge fails the integration check, names the tasks involved and deploys nothing", () => {
    const first = stalls[0]!;
    expect(first.state).toBe("open");
    expect(first.check?.conclusion).toBe("failure");
    expect(first.check?.output.summary).toContain("❌ contract `payments`");
    expect(first.check?.output.summary).toContain(
      'response 200 body at /plans/0 reads "apr", which the provider\'s schema does not declare',
    );
    const failed = first.comments.find((c) => c.includes("### ❌ Integration check failed"));
    expect(failed).toBeDefined();
    expect(failed).toContain("**api-installments** (havun/api)");
    expect(failed).toContain("**portal-checkout** (havun/portal)");
    expect(first.deployments).toEqual([]);
  });

  it("a failing deployment stops the chain: the portal is not deployed, and the hub says why with the log link", () => {
    const second = stalls[1]!;
    expect(second.state).toBe("open");
    expect(second.check?.conclusion).toBe("success");
    expect(second.deployments.map((d) => [d.repo, d.state])).toEqual([["api", "failure"]]);
    const log = second.deployments[0]!.logUrl;
    expect(log).toMatch(/\/havun\/api\/actions\/runs\/\d+$/);
    const failed = second.comments.find((c) =>
      c.includes("### ❌ Deployment of havun/api to production failed"),
    );
    expect(failed).toContain(`[log](${log})`);
    expect(failed).toContain("nothing after it deploys");
  });

  it("after the fix, a writer's /deploy deploys the API again and then the portal, and the hub closes", () => {
    expect(stalls).toHaveLength(2);
    expect(result.hub.state).toBe("closed");
    expect(result.release?.deployments.map((d) => [d.repo, d.state])).toEqual([
      ["havun/api", "failure"],
      ["havun/api", "success"],
      ["havun/portal", "success"],
    ]);
  });
});
