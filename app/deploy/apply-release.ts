import { splitRepo, type GitHubClient } from "../gateway/client.ts";
import type { ReleaseAction } from "./release-actions.ts";

/** The check run the integration phase reports on the hub's default-branch head. */
export const INTEGRATION_CHECK = "havun/integration";

/**
 * Applies the integration phase's and the deployments' writes (part of the one gateway): a
 * workflow dispatch, the integration check run, a deployment (then its workflow, dispatched with
 * the deployment's id, and a `queued` status saying so).
 */
export async function applyRelease(octokit: GitHubClient, a: ReleaseAction): Promise<void> {
  switch (a.kind) {
    case "dispatch-workflow":
      await octokit.rest.actions.createWorkflowDispatch({
        ...splitRepo(a.repo),
        workflow_id: a.workflow,
        ref: a.ref,
        inputs: a.inputs,
      });
      return;
    case "integration-check":
      await octokit.rest.checks.create({
        ...splitRepo(a.repo),
        name: INTEGRATION_CHECK,
        head_sha: a.headSha,
        external_id: a.externalId,
        status: "completed",
        conclusion: a.conclusion,
        output: { title: a.title, summary: a.summary },
      });
      return;
    case "create-deployment": {
      const created = await octokit.rest.repos.createDeployment({
        ...splitRepo(a.repo),
        ref: a.sha,
        environment: a.environment,
        description: a.description,
        payload: { havun: a.hubIssue },
        // The integration check is what gates a deployment; the ref is the default branch head.
        required_contexts: [],
        auto_merge: false,
      });
      const id = (created.data as { id?: number }).id;
      if (id !== undefined && a.workflow)
        await startDeployWorkflow(octokit, {
          repo: a.repo,
          deploymentId: id,
          sha: a.sha,
          environment: a.environment,
          workflow: a.workflow,
        });
      return;
    }
    case "dispatch-deployment":
      return startDeployWorkflow(octokit, a);
  }
}

async function startDeployWorkflow(
  octokit: GitHubClient,
  a: { repo: string; deploymentId: number; sha: string; environment: string; workflow: string },
): Promise<void> {
  const repo = await octokit.rest.repos.get(splitRepo(a.repo));
  await octokit.rest.actions.createWorkflowDispatch({
    ...splitRepo(a.repo),
    workflow_id: a.workflow,
    ref: repo.data.default_branch,
    inputs: { deployment_id: String(a.deploymentId), environment: a.environment, ref: a.sha },
  });
  await octokit.rest.repos.createDeploymentStatus({
    ...splitRepo(a.repo),
    deployment_id: a.deploymentId,
    state: "queued",
    description: `HavunCore dispatched ${a.workflow}`,
  });
}
