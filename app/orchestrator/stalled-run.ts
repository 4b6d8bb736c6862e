import { labelNames } from "../core/labels.ts";
import { splitRepo } from "../gateway/client.ts";
import { AGENT_PROGRESS_MARKER } from "../render/agent-progress.ts";
import { authenticSpec } from "../spec/spec-block.ts";
import type { OrchestratorDeps } from "./deps.ts";
import { loadHubConfig } from "./load-config.ts";

export interface EndedRun {
  repo: string;
  runId: number;
  conclusion: string | null;
  url: string;
}

/** Links to the run in the App's progress comment: `…/actions/runs/<id>)` or `#artifacts`. */
function linksRun(body: string, runId: number): boolean {
  return new RegExp(`/actions/runs/${runId}(?![0-9])`).test(body);
}

/**
 * An agent run that ended while its task still shows `running`: its publish job died before it
 * settled the task (a checkout that failed again and again, a lost runner), so nothing would
 * ever move it. On the run's `workflow_run.completed`, each open sub-issue of this App in the
 * repository that is still `running` and whose progress comment (written when the run took the
 * task) links this run is marked failed, with a comment naming the run; the reconcile retries
 * it within its attempts. Returns the orchestrations to reconcile.
 */
export async function settleEndedRun(
  deps: OrchestratorDeps,
  run: EndedRun,
): Promise<{ hub: string; number: number }[]> {
  const { octokit } = deps;
  const where = splitRepo(run.repo);
  const bot = `${deps.appSlug}[bot]`;
  const open = await octokit.rest.issues.listForRepo({
    ...where,
    state: "open",
    creator: bot,
    per_page: 100,
  });
  const woken: { hub: string; number: number }[] = [];
  // The hub's label names, read once per hub (its tasks usually share one).
  const namesByHub = new Map<string, ReturnType<typeof labelNames>>();
  for (const issue of open.data) {
    if (issue.pull_request) continue;
    const spec = authenticSpec(issue.body ?? "", deps.signer);
    if (!spec || spec.task.repo.toLowerCase() !== run.repo.toLowerCase()) continue;
    let names = namesByHub.get(spec.hub);
    if (!names) {
      const config = await loadHubConfig(deps, spec.hub);
      if (!config.ok) continue;
      namesByHub.set(spec.hub, (names = labelNames(config.config)));
    }
    const labels = issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? "")));
    if (!labels.includes(names.running)) continue;
    const comments = await octokit.rest.issues.listComments({
      ...where,
      issue_number: issue.number,
      per_page: 100,
    });
    const progress = comments.data.find(
      (c) => c.user?.login === bot && (c.body ?? "").includes(AGENT_PROGRESS_MARKER),
    );
    if (!progress || !linksRun(progress.body ?? "", run.runId)) continue;
    await octokit.rest.issues.createComment({
      ...where,
      issue_number: issue.number,
      body: [
        `**HavunCore:** the [agent run](${run.url}) ended (\`${run.conclusion ?? "unknown"}\`) without settling the task (attempt ${spec.attempt}): its publish job stopped before it could say how the run went. The task is marked failed; it runs again while attempts are left.`,
      ].join("\n"),
    });
    await octokit.rest.issues.addLabels({
      ...where,
      issue_number: issue.number,
      labels: [names.failed],
    });
    for (const gone of [names.running, names.ready])
      if (labels.includes(gone))
        await octokit.rest.issues
          .removeLabel({ ...where, issue_number: issue.number, name: gone })
          .catch((err: { status?: number }) => {
            if (err.status !== 404) throw err;
          });
    deps.log.warn({ repo: run.repo, issue: issue.number, run: run.runId }, "run ended unsettled");
    woken.push({ hub: spec.hub, number: spec.hub_issue });
  }
  return woken;
}
