import type { HubConfig } from "../config/hub-config-schema.ts";
import type { OrchestrationState } from "../core/state.ts";
import { splitRepo, type GitHubClient } from "../gateway/client.ts";
import { contractChecks } from "../integration/contract-checks.ts";
import { touchedContracts } from "../integration/touched-contracts.ts";
import { INTEGRATION_CHECK } from "./apply-release.ts";
import { releaseConfigured } from "./release-phase.ts";
import {
  hubIssueKey,
  lower,
  type DeploymentView,
  type IntegrationRunView,
  type ReleaseView,
} from "./release-view.ts";

function isStatus(err: unknown, status: number): boolean {
  return (err as { status?: number }).status === status;
}

/** The repositories the phase looks at: the plan's, the integration workflows' and deploy's. */
function involved(state: OrchestrationState, config: HubConfig): string[] {
  const all = [
    state.hub.repo,
    ...(state.plan ? touchedContracts(state.plan, config) : []).flatMap((c) =>
      c.provider ? [c.provider] : [],
    ),
    ...(state.plan?.tasks.map((t) => t.repo) ?? []),
    ...(config.integration?.workflows.map((w) => w.repo) ?? []),
    ...(config.deploy?.map((d) => d.repo) ?? []),
  ];
  return [...new Map(all.map((r) => [lower(r), r])).values()];
}

/** Default branches and heads of several repositories in one GraphQL request. */
async function readHeads(
  octokit: GitHubClient,
  repos: string[],
): Promise<{ heads: Record<string, string>; branches: Record<string, string> }> {
  const vars: Record<string, string> = {};
  const decl: string[] = [];
  const fields = repos.map((r, i) => {
    const { owner, repo } = splitRepo(r);
    vars[`o${i}`] = owner;
    vars[`n${i}`] = repo;
    decl.push(`$o${i}: String!, $n${i}: String!`);
    return `r${i}: repository(owner: $o${i}, name: $n${i}) { defaultBranchRef { name target { oid } } }`;
  });
  type Repo = { defaultBranchRef: { name: string; target: { oid: string } } | null } | null;
  const data = await octokit.graphql<Record<string, Repo>>(
    `query ReleaseHeads(${decl.join(", ")}) { ${fields.join(" ")} }`,
    vars,
  );
  const heads: Record<string, string> = {};
  const branches: Record<string, string> = {};
  repos.forEach((r, i) => {
    const ref = data[`r${i}`]?.defaultBranchRef;
    if (!ref) return;
    heads[lower(r)] = ref.target.oid;
    branches[lower(r)] = ref.name;
  });
  return { heads, branches };
}

/**
 * What the integration phase and the deployments need from GitHub. Read only for a hub whose
 * config has `integration` or `deploy`: the heads once at the start (recorded as the
 * orchestration's start) and, once every sub-issue is closed, the App's integration runs, its
 * check run and its deployments. Otherwise null (no requests).
 */
export async function readRelease(
  octokit: GitHubClient,
  state: OrchestrationState,
  config: HubConfig,
): Promise<ReleaseView | null> {
  if (!releaseConfigured(config) || !state.plan || state.hub.state !== "open") return null;
  const started = Object.keys(state.control.releaseStart).length > 0;
  const ending =
    state.subIssues.length > 0 && state.subIssues.every((s) => !s.byApp || s.state === "closed");
  if (started && !ending) return null;
  const { heads, branches } = await readHeads(octokit, involved(state, config));
  const hubSha = heads[lower(state.hub.repo)] ?? "";
  const view: ReleaseView = {
    hubSha,
    heads,
    branches,
    starts: {},
    runs: [],
    checks: [],
    deployments: [],
    contracts: [],
  };
  if (!ending) return view;
  if (config.integration?.contracts !== false)
    view.contracts = await contractChecks(octokit, {
      hub: state.hub.repo,
      hubSha,
      contracts: touchedContracts(state.plan, config),
      heads,
      starts: state.control.releaseStart,
    });
  const key = hubIssueKey(state.hub.repo, state.hub.number);
  for (const w of config.integration?.workflows ?? [])
    view.runs.push(...(await readRuns(octokit, w.repo, w.workflow, heads[lower(w.repo)], key)));
  if (hubSha) {
    const checks = await octokit.rest.checks.listForRef({
      ...splitRepo(state.hub.repo),
      ref: hubSha,
      check_name: INTEGRATION_CHECK,
      filter: "all",
    });
    view.checks = checks.data.check_runs.map((c) => ({
      id: c.id,
      externalId: c.external_id ?? "",
      conclusion: c.conclusion,
    }));
  }
  for (const d of config.deploy ?? [])
    view.deployments.push(...(await readDeployments(octokit, d.repo, d.environment, key)));
  return view;
}

async function readRuns(
  octokit: GitHubClient,
  repo: string,
  workflow: string,
  sha: string | undefined,
  key: string,
): Promise<IntegrationRunView[]> {
  if (!sha) return [];
  try {
    const runs = await octokit.rest.actions.listWorkflowRuns({
      ...splitRepo(repo),
      workflow_id: workflow,
      event: "workflow_dispatch",
      head_sha: sha,
      per_page: 30,
    });
    return runs.data.workflow_runs
      .filter((r) => (r.display_title ?? "").includes(key))
      .slice(0, 1)
      .map((r) => ({
        repo,
        workflow,
        headSha: r.head_sha,
        status: r.status ?? "queued",
        conclusion: r.conclusion ?? null,
        url: r.html_url,
      }));
  } catch (err) {
    if (!isStatus(err, 404)) throw err;
    // Not known yet (it never ran): no runs. A workflow that does not exist fails its dispatch.
    return [];
  }
}

async function readDeployments(
  octokit: GitHubClient,
  repo: string,
  environment: string,
  key: string,
): Promise<DeploymentView[]> {
  const list = await octokit.rest.repos.listDeployments({
    ...splitRepo(repo),
    environment,
    per_page: 30,
  });
  const mine = list.data.filter((d) => (d.payload as { havun?: unknown } | null)?.havun === key);
  const out: DeploymentView[] = [];
  for (const d of mine.slice(0, 3)) {
    const statuses = await octokit.rest.repos.listDeploymentStatuses({
      ...splitRepo(repo),
      deployment_id: d.id,
      per_page: 1,
    });
    const s = statuses.data[0];
    out.push({
      repo,
      id: d.id,
      environment: d.environment,
      sha: d.sha,
      state: s?.state ?? null,
      logUrl: s?.log_url ?? s?.target_url ?? "",
      environmentUrl: s?.environment_url ?? "",
      description: s?.description ?? "",
      createdAt: d.created_at,
    });
  }
  return out;
}
