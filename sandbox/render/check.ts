import type { SandboxCore } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { CheckRunRecord, CheckSuiteRecord } from "../state/types.ts";
import { renderAppById } from "./app.ts";
import { renderRepoMinimal } from "./repo.ts";

function pullsFor(core: SandboxCore, repoId: number, sha: string) {
  return core.store.state.pulls
    .filter(
      (p) =>
        p.repoId === repoId &&
        p.headSha === sha &&
        core.store.issueById(p.issueId)?.state === "open",
    )
    .map((p) => {
      const issue = core.store.issueById(p.issueId);
      const repo = core.store.repoById(p.repoId);
      const r = {
        id: repo.id,
        url: `${core.urls.api}/repos/${core.store.fullName(repo)}`,
        name: repo.name,
      };
      return {
        id: p.issueId,
        number: issue?.number ?? 0,
        url: `${core.urls.api}/repos/${core.store.fullName(repo)}/pulls/${issue?.number}`,
        head: { ref: p.headRef, sha: p.headSha, repo: r },
        base: { ref: p.baseRef, sha: p.baseSha, repo: r },
      };
    });
}

export function renderCheckSuite(core: SandboxCore, s: CheckSuiteRecord): Record<string, unknown> {
  const repo = core.store.repoById(s.repoId);
  const api = `${core.urls.api}/repos/${core.store.fullName(repo)}`;
  return {
    id: s.id,
    node_id: nodeId("CheckSuite", s.id),
    head_branch: s.headBranch,
    head_sha: s.headSha,
    status: s.status,
    conclusion: s.conclusion,
    url: `${api}/check-suites/${s.id}`,
    before: null,
    after: s.headSha,
    pull_requests: pullsFor(core, s.repoId, s.headSha),
    app: renderAppById(core, s.appId),
    repository: renderRepoMinimal(core, repo),
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    head_commit: {
      id: s.headSha,
      tree_id: s.headSha,
      message: "",
      timestamp: s.createdAt,
      author: null,
      committer: null,
    },
    latest_check_runs_count: core.store.state.checkRuns.filter((r) => r.suiteId === s.id).length,
    check_runs_url: `${api}/check-suites/${s.id}/check-runs`,
    rerequestable: true,
    runs_rerequestable: true,
  };
}

export function renderCheckRun(core: SandboxCore, r: CheckRunRecord): Record<string, unknown> {
  const repo = core.store.repoById(r.repoId);
  const full = core.store.fullName(repo);
  const api = `${core.urls.api}/repos/${full}`;
  return {
    id: r.id,
    head_sha: r.headSha,
    node_id: nodeId("CheckRun", r.id),
    external_id: r.externalId,
    url: `${api}/check-runs/${r.id}`,
    html_url: `${core.urls.server}/${full}/runs/${r.id}`,
    details_url: r.detailsUrl,
    status: r.status,
    conclusion: r.conclusion,
    started_at: r.startedAt,
    completed_at: r.completedAt,
    output: {
      title: r.output.title,
      summary: r.output.summary,
      text: r.output.text,
      annotations_count: r.output.annotations.length,
      annotations_url: `${api}/check-runs/${r.id}/annotations`,
    },
    name: r.name,
    check_suite: { id: r.suiteId },
    app: renderAppById(core, r.appId),
    pull_requests: pullsFor(core, r.repoId, r.headSha),
  };
}
