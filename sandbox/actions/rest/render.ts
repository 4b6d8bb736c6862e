import type { SandboxCore } from "../../core.ts";
import { renderRepoMinimal } from "../../render/repo.ts";
import { renderUser } from "../../render/user.ts";
import { nodeId } from "../../state/node-id.ts";
import type {
  RepoRecord,
  WorkflowJobRecord,
  WorkflowRecord,
  WorkflowRunRecord,
} from "../../state/types.ts";

/** Node ids for Actions objects (GitHub's W_, WFR_, CR_ prefixes), decodable like the others. */
function actionsNodeId(prefix: string, kind: string, id: number): string {
  return `${prefix}_kw${Buffer.from(`${kind}:${id}`).toString("base64url")}`;
}

function repoApi(core: SandboxCore, repo: RepoRecord): string {
  return `${core.urls.api}/repos/${core.store.fullName(repo)}`;
}

export function renderWorkflow(core: SandboxCore, w: WorkflowRecord): Record<string, unknown> {
  const repo = core.store.repoById(w.repoId);
  const full = core.store.fullName(repo);
  return {
    id: w.id,
    node_id: actionsNodeId("W", "Workflow", w.id),
    name: w.name,
    path: w.path,
    state: w.state,
    created_at: w.createdAt,
    updated_at: w.updatedAt,
    url: `${repoApi(core, repo)}/actions/workflows/${w.id}`,
    html_url: `${core.urls.server}/${full}/blob/${repo.defaultBranch}/${w.path}`,
    badge_url: `${core.urls.server}/${full}/workflows/${encodeURIComponent(w.name)}/badge.svg`,
  };
}

/** Open pull requests whose head is the run's commit, in `pull-request-minimal` form. */
function pullRequestsFor(core: SandboxCore, run: WorkflowRunRecord): unknown[] {
  return core.store.state.pulls
    .filter((p) => p.repoId === run.repoId && p.headSha === run.headSha)
    .filter((p) => core.store.issueById(p.issueId)?.state === "open")
    .map((p) => {
      const issue = core.store.issueById(p.issueId);
      const base = core.store.repoById(p.repoId);
      const head = core.store.repoById(p.headRepoId);
      const ref = (r: RepoRecord) => ({ id: r.id, url: repoApi(core, r), name: r.name });
      return {
        id: p.issueId,
        number: issue?.number ?? 0,
        url: `${repoApi(core, base)}/pulls/${issue?.number ?? 0}`,
        head: { ref: p.headRef, sha: p.headSha, repo: ref(head) },
        base: { ref: p.baseRef, sha: p.baseSha, repo: ref(base) },
      };
    });
}

/** `workflow-run`, as the REST API and the workflow_run webhook show it. */
export function renderWorkflowRun(
  core: SandboxCore,
  run: WorkflowRunRecord,
): Record<string, unknown> {
  const repo = core.store.repoById(run.repoId);
  const api = `${repoApi(core, repo)}/actions/runs/${run.id}`;
  const full = core.store.fullName(repo);
  const user = (id: number) => renderUser(core.urls, core.store.accountById(id));
  return {
    id: run.id,
    name: run.name,
    node_id: actionsNodeId("WFR", "WorkflowRun", run.id),
    check_suite_id: run.checkSuiteId,
    check_suite_node_id: nodeId("CheckSuite", run.checkSuiteId),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    run_number: run.runNumber,
    run_attempt: run.runAttempt,
    referenced_workflows: run.referencedWorkflows,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url: api,
    html_url: `${core.urls.server}/${full}/actions/runs/${run.id}`,
    pull_requests: pullRequestsFor(core, run),
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    actor: user(run.actorId),
    triggering_actor: user(run.triggeringActorId),
    run_started_at: run.runStartedAt,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${repoApi(core, repo)}/check-suites/${run.checkSuiteId}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: run.runAttempt > 1 ? `${api}/attempts/${run.runAttempt - 1}` : null,
    workflow_url: `${repoApi(core, repo)}/actions/workflows/${run.workflowId}`,
    head_commit: run.headCommit,
    repository: renderRepoMinimal(core, repo),
    head_repository: renderRepoMinimal(core, repo),
    head_repository_id: repo.id,
    display_title: run.displayTitle,
  };
}

/** `job`, as the REST API and the workflow_job webhook show it. */
export function renderJob(core: SandboxCore, job: WorkflowJobRecord): Record<string, unknown> {
  const repo = core.store.repoById(job.repoId);
  const full = core.store.fullName(repo);
  const running = job.status !== "queued" && job.status !== "waiting";
  return {
    id: job.id,
    run_id: job.runId,
    run_url: `${repoApi(core, repo)}/actions/runs/${job.runId}`,
    run_attempt: job.runAttempt,
    node_id: nodeId("CheckRun", job.checkRunId),
    head_sha: job.headSha,
    url: `${repoApi(core, repo)}/actions/jobs/${job.id}`,
    html_url: `${core.urls.server}/${full}/actions/runs/${job.runId}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.createdAt,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    name: job.name,
    steps: job.steps.map((s) => ({
      name: s.name,
      status: s.status,
      conclusion: s.conclusion,
      number: s.number,
      started_at: s.startedAt,
      completed_at: s.completedAt,
    })),
    check_run_url: `${repoApi(core, repo)}/check-runs/${job.checkRunId}`,
    labels: job.labels,
    runner_id: running ? 1 : null,
    runner_name: running ? "sandbox-runner" : null,
    runner_group_id: running ? 1 : null,
    runner_group_name: running ? "sandbox" : null,
    workflow_name: job.workflowName,
    head_branch: job.headBranch,
  };
}
