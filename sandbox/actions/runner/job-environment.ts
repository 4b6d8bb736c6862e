import { createDeploymentStatus } from "../../ops/deployments.ts";
import { emitEvent } from "../../ops/emit.ts";
import { openEnvironmentSecrets } from "../../ops/environment-secrets.ts";
import { ensureEnvironment } from "../../ops/environments.ts";
import { renderDeployment } from "../../render/deployment.ts";
import type {
  DeploymentRecord,
  DeploymentStatusRecord,
  EnvironmentRecord,
  WorkflowJobRecord,
} from "../../state/types.ts";
import { interpolate, type ExprValue } from "../expressions/index.ts";
import { renderWorkflow, renderWorkflowRun } from "../rest/render.ts";
import type { JobEnvironment } from "../workflow/index.ts";
import { actionsActor } from "./actions-app.ts";
import { refName } from "./contexts.ts";
import type { JobConclusion } from "./job-records.ts";
import type { RunEnv } from "./types.ts";

/** A job's environment once its name is known: what the job adds to its secrets and vars. */
export interface EnteredEnvironment {
  environment: EnvironmentRecord;
  created: boolean;
  /** The environment's secrets and variables (they win over the repository's on a name clash). */
  secrets: Record<string, string>;
  vars: Record<string, string>;
  /** The `url:` template, evaluated when the job's steps are done. */
  url?: string;
}

/**
 * Evaluates `environment.name` (github, inputs, vars, needs, strategy, matrix) and opens the
 * environment, creating it when it does not exist, as GitHub does for a workflow that references
 * it. The sandbox models no protection rules (configuring one is refused), so none hold the job.
 */
export function enterEnvironment(
  env: RunEnv,
  spec: JobEnvironment,
  contexts: Record<string, ExprValue>,
): EnteredEnvironment {
  const name = interpolate(spec.name, { contexts }).trim();
  const { environment, created } = ensureEnvironment(env.core, env.repo, name);
  const vars = Object.fromEntries(environment.variables.map((v) => [v.name, v.value]));
  const entered: EnteredEnvironment = {
    environment,
    created,
    secrets: openEnvironmentSecrets(environment),
    vars,
  };
  if (spec.url !== undefined) entered.url = spec.url;
  return entered;
}

function logUrl(env: RunEnv, job: WorkflowJobRecord): string {
  const full = env.core.store.fullName(env.repo);
  return `${env.core.urls.server}/${full}/actions/runs/${job.runId}/job/${job.id}`;
}

/**
 * The deployment a job that references an environment makes when it starts ("it creates a
 * deployment object with the environment property set to the name of your environment"): by
 * github-actions[bot], for the run's commit and ref, with a `deployment` webhook naming the
 * workflow run, then an `in_progress` status. No `deployments` permission of the job's
 * GITHUB_TOKEN is involved: GitHub makes it, not the job.
 */
export function startDeployment(
  env: RunEnv,
  entered: EnteredEnvironment,
  job: WorkflowJobRecord,
): DeploymentRecord {
  const { core, repo, run, trigger } = env;
  const actor = actionsActor(env.ids);
  const name = entered.environment.name;
  const now = core.store.now();
  const deployment: DeploymentRecord = {
    id: core.store.newId(),
    repoId: repo.id,
    sha: trigger.sha,
    ref:
      trigger.event.startsWith("pull_request") && trigger.headRef
        ? trigger.headRef
        : refName(trigger.ref),
    task: "deploy",
    environment: name,
    originalEnvironment: name,
    payload: {},
    description: "",
    transientEnvironment: false,
    productionEnvironment: name.toLowerCase() === "production",
    creatorId: actor.accountId,
    appId: actor.appId,
    createdAt: now,
    updatedAt: now,
  };
  core.store.state.deployments.push(deployment);
  core.store.changed();
  const wf = core.store.state.workflows.find((w) => w.id === run.workflowId);
  emitEvent(core, actor, "deployment", "created", repo.id, {
    deployment: renderDeployment(core, repo, deployment),
    workflow: wf ? renderWorkflow(core, wf) : null,
    // The "Deployment Workflow Run" of this webhook carries no head commit or previous attempt.
    workflow_run: {
      ...renderWorkflowRun(core, run),
      head_branch: run.headBranch ?? "",
      head_commit: null,
      previous_attempt_url: null,
    },
  });
  createDeploymentStatus(core, actor, repo, deployment, {
    state: "in_progress",
    log_url: logUrl(env, job),
  });
  return deployment;
}

/** The job's end as the deployment's status; cancelled jobs (no documented state) end `error`. */
const STATE: Record<JobConclusion, DeploymentStatusRecord["state"]> = {
  success: "success",
  failure: "failure",
  cancelled: "error",
  skipped: "inactive",
};

/** The final status: the job's result, its log, and the evaluated `url` (`environment_url`). */
export function finishDeployment(
  env: RunEnv,
  deployment: DeploymentRecord,
  job: WorkflowJobRecord,
  conclusion: JobConclusion,
  environmentUrl: string | undefined,
): void {
  createDeploymentStatus(env.core, actionsActor(env.ids), env.repo, deployment, {
    state: STATE[conclusion],
    log_url: logUrl(env, job),
    ...(environmentUrl ? { environment_url: environmentUrl } : {}),
    ...(conclusion === "cancelled" ? { description: "The job was cancelled." } : {}),
  });
}
