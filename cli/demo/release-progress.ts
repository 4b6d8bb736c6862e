import type { World } from "./world.ts";

/** What the demo shows of the phase after the last merge (`release`). */
export interface ReleaseResult {
  /** The havun/integration check run on the hub's head: its conclusion (null: none yet). */
  integration: { conclusion: string | null; title: string; url: string } | null;
  /** The deployments the App made, oldest first, with their latest status. */
  deployments: {
    repo: string;
    id: number;
    environment: string;
    state: string | null;
    url: string;
    createdAt: string;
  }[];
}

const PROJECTS = ["api", "portal"];

/** Reads the integration check and the deployments as the reviewer sees them on GitHub. */
export async function readReleaseResult(w: World): Promise<ReleaseResult> {
  const gh = w.reviewer;
  const hub = await gh.repos.get({ owner: "havun", repo: "hub" });
  const checks = await gh.checks.listForRef({
    owner: "havun",
    repo: "hub",
    ref: hub.data.default_branch,
    check_name: "havun/integration",
  });
  const c = checks.data.check_runs[0];
  const deployments: ReleaseResult["deployments"] = [];
  for (const repo of PROJECTS) {
    for (const d of (await gh.repos.listDeployments({ owner: "havun", repo })).data) {
      const s = (
        await gh.repos.listDeploymentStatuses({
          owner: "havun",
          repo,
          deployment_id: d.id,
          per_page: 1,
        })
      ).data[0];
      deployments.push({
        repo: `havun/${repo}`,
        id: d.id,
        environment: d.environment,
        state: s?.state ?? null,
        url: s?.environment_url ?? "",
        createdAt: d.created_at,
      });
    }
  }
  deployments.sort((a, b) => a.id - b.id);
  return {
    integration: c
      ? { conclusion: c.conclusion, title: c.output.title ?? "", url: c.html_url ?? "" }
      : null,
    deployments,
  };
}

/** Prints the phase's steps as they happen, once each. */
export async function reportRelease(
  w: World,
  say: (key: string, line: string) => void,
): Promise<ReleaseResult> {
  const r = await readReleaseResult(w);
  if (r.integration?.conclusion)
    say(
      `integration:${r.integration.conclusion}:${r.integration.url}`,
      `  ${r.integration.conclusion === "success" ? "✓" : "✗"} integration check on havun/hub: ${r.integration.conclusion} — ${r.integration.title}`,
    );
  for (const d of r.deployments) {
    say(
      `deploy:${d.id}`,
      `  → the App deployed ${d.repo} to ${d.environment} (deployment ${d.id})`,
    );
    if (d.state === "success" || d.state === "failure" || d.state === "error")
      say(
        `deploy:${d.id}:${d.state}`,
        `  ${d.state === "success" ? "✓" : "✗"} deployment of ${d.repo} to ${d.environment}: ${d.state}${d.url ? ` at ${d.url}` : ""}`,
      );
  }
  return r;
}
