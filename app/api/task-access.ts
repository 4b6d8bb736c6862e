import type { GitHubClient } from "../gateway/client.ts";
import { readForApp } from "../gateway/read-for-app.ts";
import { labelNames } from "../core/labels.ts";
import { loadHubConfig } from "../orchestrator/load-config.ts";
import type { HubConfig } from "../config/hub-config-schema.ts";
import type { ActionsClaims } from "../oidc/verifier.ts";
import { authenticSpec } from "../spec/spec-block.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import { ApiError } from "./api-error.ts";
import { installationFor, orchestratorDeps, type ApiDeps } from "./api-deps.ts";
import { workflowRole, type WorkflowRole } from "./trusted-workflows.ts";
import { noticeUnsupportedCaller, unsupportedCaller } from "./caller-version-notice.ts";

/** A task the caller may work on, established from its ID token and the App's own records. */
export interface TaskAccess {
  repo: string;
  issue: number;
  installationId: number;
  octokit: GitHubClient;
  spec: TaskSpec;
  config: HubConfig;
  labels: string[];
  /** How many comments the sub-issue had when read (none: nothing to list). */
  comments: number;
  /** The sub-issue's REST and GraphQL ids. */
  ids: { id: number; nodeId: string };
  /** The hub's installation client (the same one when hub and project share an installation). */
  hubOctokit: GitHubClient;
  runUrl: string;
  serverUrl: string;
}

export interface TaskRequest {
  issue: number;
  hub: string;
}

/**
 * Everything that must hold before the App answers a workflow: a verified ID token from one of
 * HavunCore's trusted workflows in the role the endpoint serves, for an `issues` event; an
 * open sub-issue in the token's repository that the App wrote with a spec it signed, for the
 * hub the caller's workflow names; a task the orchestration has dispatched and not cancelled,
 * whose sub-issue this is (not a duplicate); the hub issue open. Anything else is refused.
 */
export async function taskAccess(
  deps: ApiDeps,
  claims: ActionsClaims,
  role: WorkflowRole,
  request: TaskRequest,
  serverUrl: string,
  /**
   * For progress reports of a run this process already gave the task to (its `task` call passed
   * every check): the orchestration is not read again (a GraphQL read per report). The sub-issue
   * must still be open, the App's, signed and dispatched (a cancelled task's sub-issue is closed,
   * so its reports are refused). A run not seen before gets the full check.
   */
  scope: "full" | "progress" = "full",
): Promise<TaskAccess> {
  const got = workflowRole(claims.job_workflow_ref, deps.trusted);
  // HavunCore's workflow at a release this App does not support: refused once the sub-issue is
  // known to be the App's task, with a note there saying which release to call.
  const unsupported = unsupportedCaller(claims.job_workflow_ref, deps.trusted);
  if (got !== role && !unsupported)
    throw new ApiError(
      403,
      "WORKFLOW_NOT_TRUSTED",
      `${claims.job_workflow_ref} is not HavunCore's ${role} workflow at a trusted ref (${deps.trusted.repo} @ ${deps.trusted.refs.join(", ")})`,
    );
  if (claims.event_name !== "issues")
    throw new ApiError(
      403,
      "WRONG_EVENT",
      `the run was started by ${claims.event_name}, not by a sub-issue's label (issues)`,
    );
  const repo = claims.repository;
  const inst = await installationFor(deps, repo);
  if (!inst)
    throw new ApiError(403, "NOT_INSTALLED", `the HavunCore App is not installed on ${repo}`);
  const [owner = "", name = ""] = repo.split("/");
  const issue = await inst.octokit.rest.issues
    .get({ owner, repo: name, issue_number: request.issue })
    .then((r) => r.data)
    .catch((err: { status?: number }) => {
      if (err.status === 404 || err.status === 410) return null;
      throw err;
    });
  const bot = `${deps.appSlug}[bot]`;
  if (!issue || issue.pull_request)
    throw new ApiError(404, "NO_TASK", `${repo}#${request.issue} is not an issue of ${repo}`);
  if (issue.user?.login !== bot)
    throw new ApiError(403, "NOT_A_TASK", `${repo}#${request.issue} was not written by HavunCore`);
  if (issue.state !== "open")
    throw new ApiError(409, "TASK_CLOSED", `${repo}#${request.issue} is closed: the task is over`);
  const spec = authenticSpec(issue.body ?? "", deps.signer);
  if (!spec || spec.task.repo.toLowerCase() !== repo.toLowerCase())
    throw new ApiError(
      403,
      "SPEC_NOT_AUTHENTIC",
      `${repo}#${request.issue} carries no task spec HavunCore signed for ${repo}`,
    );
  if (unsupported) {
    await noticeUnsupportedCaller(inst.octokit, {
      repo,
      issue: request.issue,
      appSlug: deps.appSlug,
      jobWorkflowRef: claims.job_workflow_ref,
      message: unsupported,
    }).catch((err: unknown) => deps.log.warn({ err }, "could not comment on the sub-issue"));
    throw new ApiError(403, "CALLER_UNSUPPORTED", unsupported);
  }
  if (spec.hub.toLowerCase() !== request.hub.toLowerCase())
    throw new ApiError(
      403,
      "HUB_NOT_ACCEPTED",
      `the task comes from the hub ${spec.hub}, but ${repo}'s workflow accepts work only from ${request.hub}`,
    );
  const hubInst =
    spec.hub.split("/")[0]!.toLowerCase() === owner.toLowerCase()
      ? inst
      : await installationFor(deps, spec.hub);
  if (!hubInst)
    throw new ApiError(
      403,
      "NOT_INSTALLED",
      `the HavunCore App is not installed on the hub ${spec.hub}`,
    );
  const d = orchestratorDeps(deps, hubInst.octokit);
  const config = await loadHubConfig(d, spec.hub);
  if (!config.ok)
    throw new ApiError(
      409,
      "HUB_CONFIG",
      `the hub's configuration cannot be read: fix ${spec.hub}'s .github/havun.yml`,
    );
  const labels = (issue.labels ?? []).map((l) => (typeof l === "string" ? l : (l.name ?? "")));
  const names = labelNames(config.config);
  if (!labels.includes(names.ready) && !labels.includes(names.running))
    throw new ApiError(
      409,
      "NOT_DISPATCHED",
      `${repo}#${request.issue} is not dispatched (no ${names.ready} label set by HavunCore)`,
    );
  const access: TaskAccess = {
    repo,
    issue: request.issue,
    installationId: inst.installationId,
    octokit: inst.octokit,
    spec,
    config: config.config,
    labels,
    comments: issue.comments,
    ids: { id: issue.id, nodeId: issue.node_id },
    hubOctokit: hubInst.octokit,
    runUrl: `${serverUrl}/${repo}/actions/runs/${claims.run_id}`,
    serverUrl,
  };
  const runKey = `${repo.toLowerCase()}#${request.issue}@${claims.run_id}`;
  if (scope === "progress" && granted.has(runKey)) return access;
  const state = await readForApp(d, spec.hub, spec.hub_issue);
  if (!state || state.hub.state !== "open")
    throw new ApiError(
      409,
      "HUB_CLOSED",
      `the orchestration ${spec.hub}#${spec.hub_issue} is not open`,
    );
  const c = state.control;
  if (c.cancelledAll || c.cancelled.includes(spec.task.id))
    throw new ApiError(409, "TASK_CANCELLED", `the task ${spec.task.id} was cancelled`);
  const mine = state.subIssues.find(
    (s) => s.repo.toLowerCase() === repo.toLowerCase() && s.number === request.issue,
  );
  if (!mine?.spec || mine.spec.task.id !== spec.task.id)
    throw new ApiError(
      409,
      "NOT_IN_ORCHESTRATION",
      `${repo}#${request.issue} is not a sub-issue of ${spec.hub}#${spec.hub_issue}`,
    );
  const dupe = state.subIssues.some(
    (s) => s.spec?.task.id === spec.task.id && s.createdAt < mine.createdAt && s.state === "open",
  );
  if (dupe)
    throw new ApiError(
      409,
      "DUPLICATE",
      `${repo}#${request.issue} is a duplicate of the task's sub-issue`,
    );
  granted.add(runKey);
  if (granted.size > 5000) granted.delete(granted.values().next().value!);
  return access;
}

/** Runs this process gave a task to after every check: their progress reports skip the read. */
const granted = new Set<string>();
