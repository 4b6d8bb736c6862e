import type { Octokit } from "@octokit/rest";
import { expect } from "vitest";
import type { DemoResult } from "../../cli/demo/run-demo.ts";

const hub = { owner: "havun", repo: "hub" };

/**
 * What `havun demo --release` must show on GitHub: a green `havun/integration` check (the
 * portal's pact holds against the API's merged description; the integration workflow passed),
 * the API deployed before the portal, each once and successful with its URL, and a final report
 * with the integration result, the deployments in that order and the plan's checklist.
 */
export async function expectRelease(gh: Octokit, result: DemoResult): Promise<void> {
  expect(result.release?.integration?.conclusion).toBe("success");
  const check = (
    await gh.checks.listForRef({ ...hub, ref: "main", check_name: "havun/integration" })
  ).data.check_runs[0]!;
  const summary = check.output.summary ?? "";
  expect(summary).toContain(
    "✅ contract `payments` (provider havun/api, description `havun/api:openapi.yaml`)",
  );
  expect(summary).toContain("`portal` 1 interaction(s) hold");
  expect(summary).toContain("0 breaking change(s) since the start, 1 compatible");
  expect(summary).toMatch(/✅ `integration.yml` in havun\/api: success — \[run\]/);

  expect(result.release?.deployments.map((d) => [d.repo, d.environment, d.state, d.url])).toEqual([
    ["havun/api", "production", "success", "https://api.havun.example"],
    ["havun/portal", "production", "success", "https://portal.havun.example"],
  ]);
  // The portal's deployment was made only after the API's reported success, and once.
  const [api] = (await gh.repos.listDeployments({ owner: "havun", repo: "api" })).data;
  const apiStatuses = await gh.repos.listDeploymentStatuses({
    owner: "havun",
    repo: "api",
    deployment_id: api!.id,
  });
  const apiSuccessAt = apiStatuses.data.find((s) => s.state === "success")!.created_at;
  const portal = (await gh.repos.listDeployments({ owner: "havun", repo: "portal" })).data;
  expect(portal).toHaveLength(1);
  expect(Date.parse(portal[0]!.created_at)).toBeGreaterThanOrEqual(Date.parse(apiSuccessAt));
  const runs = await gh.actions.listWorkflowRuns({
    owner: "havun",
    repo: "api",
    workflow_id: "deploy.yml",
  });
  expect(runs.data.workflow_runs).toHaveLength(1);

  const comments = await gh.issues.listComments({ ...hub, issue_number: result.hub.issue });
  const report = comments.data.find((c) => c.body?.includes("key=final-report"))?.body ?? "";
  expect(report).toContain("**Integration check:** ✅ success");
  expect(report).toMatch(
    /\| havun\/api \| production \| ✅ success \(\[log\]\(http[^)]+\/havun\/api\/actions\/runs\/\d+\)\) \| https:\/\/api\.havun\.example \|/,
  );
  expect(report).toMatch(
    /\| havun\/portal \| production \| ✅ success .* \| https:\/\/portal\.havun\.example \|/,
  );
  expect(report.indexOf("| havun/api | production")).toBeLessThan(
    report.indexOf("| havun/portal | production"),
  );
  expect(report).toContain("**Deployment checklist** (by hand):");
  expect(report).toContain(
    "- [ ] Set PAYMENT_API_KEY in the API's production environment before it deploys",
  );
}
