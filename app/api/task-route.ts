import { labelNames } from "../core/labels.ts";
import type { Action } from "../core/actions.ts";
import { keyedComment } from "../gateway/apply-actions.ts";
import { splitRepo } from "../gateway/client.ts";
import { writeIssues } from "../gateway/issue-writes.ts";
import type { ActionsClaims } from "../oidc/verifier.ts";
import { orchestratorDeps, type ApiDeps } from "./api-deps.ts";
import { writeProgress } from "./progress-comment.ts";
import { sealedFilesFor } from "./sealed-files.ts";
import type { ProgressRequestBody, TaskRequestBody, TaskResponse } from "./schemas.ts";
import { taskAccess } from "./task-access.ts";
import { githubFiles } from "../../snippets/github-files.ts";
import { readAttached } from "../../snippets/read-attached.ts";
import { taskComments, writerNotes } from "./task-notes.ts";
import { fixContext } from "./fix-context.ts";
import { reviewRequests } from "./review-requests.ts";

/**
 * `POST /api/havun/v1/task` (agent job): the signed spec, the hub writers' notes, the task's
 * sealed files and its snippets (read from the hub at the commit they were attached at). The
 * App marks the task running and starts its progress comment.
 */
export async function taskRoute(
  deps: ApiDeps,
  claims: ActionsClaims,
  body: TaskRequestBody,
  serverUrl: string,
): Promise<TaskResponse> {
  const t = await taskAccess(deps, claims, "agent", body, serverUrl);
  const names = labelNames(t.config);
  const d = orchestratorDeps(deps, t.hubOctokit);
  // One listing serves the notes and the progress comment; none when the sub-issue has no comments.
  const comments = await taskComments(t.octokit, {
    repo: t.repo,
    issue: t.issue,
    count: t.comments,
  });
  const notes = await writerNotes(comments, d, { hub: t.spec.hub });
  const sealed = await sealedFilesFor(t.hubOctokit, {
    hub: t.spec.hub,
    repo: t.repo,
    names: t.spec.task.secrets,
  });
  const snippets = await readAttached(githubFiles(t.hubOctokit, t.spec.hub, t.spec.hub_commit), {
    ids: t.spec.task.snippets,
    dir: t.config.snippets.dir,
    commit: t.spec.hub_commit ?? null,
  });
  // `running` on, `ready` and `failed` off: one GraphQL request when the label ids are known.
  const issue = { repo: t.repo, number: t.issue, ...t.ids };
  const labelWrites: Action[] = [
    ...(t.labels.includes(names.running)
      ? []
      : [{ kind: "add-labels" as const, issue, labels: [names.running] }]),
    ...[names.ready, names.failed]
      .filter((stale) => t.labels.includes(stale))
      .map((label) => ({ kind: "remove-label" as const, issue, label })),
  ];
  const where = { ...splitRepo(t.repo), issue_number: t.issue };
  for (const a of await writeIssues(t.octokit, labelWrites, keyedComment)) {
    if (a.kind === "add-labels")
      await t.octokit.rest.issues.addLabels({ ...where, labels: a.labels });
    if (a.kind === "remove-label")
      await t.octokit.rest.issues.removeLabel({ ...where, name: a.label }).catch(() => undefined);
  }
  await writeProgress(
    t.octokit,
    {
      repo: t.repo,
      issue: t.issue,
      appSlug: deps.appSlug,
      taskId: t.spec.task.id,
      state: `running (attempt ${t.spec.attempt})`,
      runUrl: t.runUrl,
      steps: [],
    },
    comments,
  );
  const fix = await fixContext(t.octokit, {
    repo: t.repo,
    spec: t.spec,
    appSlug: deps.appSlug,
    requests: await reviewRequests(t),
  });
  deps.log.info({ repo: t.repo, issue: t.issue, run: claims.run_id }, "agent job started");
  return { spec: t.spec, notes, sealed, fix, snippets };
}

/** `POST /api/havun/v1/progress` (agent job): the App updates the sub-issue's progress comment. */
export async function progressRoute(
  deps: ApiDeps,
  claims: ActionsClaims,
  body: ProgressRequestBody,
  serverUrl: string,
): Promise<{ ok: true }> {
  const t = await taskAccess(deps, claims, "agent", body, serverUrl, "progress");
  await writeProgress(t.octokit, {
    repo: t.repo,
    issue: t.issue,
    appSlug: deps.appSlug,
    taskId: t.spec.task.id,
    state: body.state,
    runUrl: t.runUrl,
    steps: body.steps,
  });
  return { ok: true };
}
