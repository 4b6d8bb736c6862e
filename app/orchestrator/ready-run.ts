import { keyedComment } from "../gateway/apply-actions.ts";
import { labelNames } from "../core/labels.ts";
import { splitRepo } from "../gateway/client.ts";
import { findMarkers } from "../spec/markers.ts";
import { authenticSpec } from "../spec/spec-block.ts";
import type { OrchestratorDeps } from "./deps.ts";
import { loadHubConfig } from "./load-config.ts";
import {
  decideEarlyEnd,
  earlyKey,
  isCallerRun,
  MAX_EARLY_RESTARTS,
  readRunTitle,
} from "./ready-run-rules.ts";

/** An `issues` run that ended without success, as its `workflow_run` event shows it. */
export interface EndedIssuesRun {
  repo: string;
  runId: number;
  conclusion: string | null;
  url: string;
  path: string;
  displayTitle: string;
  /** Who started the run (the sender of the label that triggered it). */
  actor: string | null;
  referencedWorkflows: string[];
}

const gone = (err: { status?: number }) => {
  if (err.status !== 404) throw err;
};

/**
 * A task's agent run that died before its agent job took the task (a lost runner, a checkout
 * that failed, a cancelled job, a 5xx from the App): the sub-issue would stay `ready` for ever.
 * The run's title (the caller template's `run-name`) names the sub-issue; everything else is
 * read on GitHub: the App itself started the run (its label), the sub-issue is open with an
 * authentic spec for this repository, still `ready`, not answered for this run, and no newer run
 * for it exists. Then the App says so on the sub-issue and labels it ready again; after
 * MAX_EARLY_RESTARTS it marks the task failed instead. Returns the orchestrations to reconcile.
 */
export async function restartEarlyEnd(
  deps: OrchestratorDeps,
  run: EndedIssuesRun,
): Promise<{ hub: string; number: number }[]> {
  const bot = `${deps.appSlug}[bot]`;
  const title = readRunTitle(run.displayTitle);
  if (!title || run.actor !== bot || !isCallerRun(run)) return [];
  const { octokit } = deps;
  const where = { ...splitRepo(run.repo), issue_number: title.issue };
  const issue = (await octokit.rest.issues.get(where).catch(gone))?.data;
  if (!issue || issue.state !== "open" || issue.pull_request || issue.user?.login !== bot)
    return [];
  const spec = authenticSpec(issue.body ?? "", deps.signer);
  if (!spec || spec.task.repo.toLowerCase() !== run.repo.toLowerCase()) return [];
  const config = await loadHubConfig(deps, spec.hub);
  if (!config.ok) return [];
  const names = labelNames(config.config);
  const labels = issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? "")));
  if (title.label !== names.ready || !labels.includes(names.ready)) return [];
  const comments = await octokit.rest.issues.listComments({ ...where, per_page: 100 });
  const keys = comments.data
    .filter((c) => c.user?.login === bot)
    .flatMap((c) => findMarkers(c.body ?? "", "comment").map((m) => m.fields.key ?? m.key));
  const round = spec.round?.n ?? 0;
  const newerRun = await hasNewerRun(deps, run, title.issue, names.ready);
  const decision = decideEarlyEnd({
    labels,
    names,
    keys,
    attempt: spec.attempt,
    round,
    runId: run.runId,
    newerRun,
  });
  const log = { repo: run.repo, issue: title.issue, run: run.runId };
  if (decision.kind === "ignore") {
    deps.log.info({ ...log, why: decision.why }, "ended run left alone");
    return [];
  }
  const key = earlyKey(spec.attempt, round, run.runId);
  const ended = `the [agent run](${run.url}) ended (\`${run.conclusion ?? "unknown"}\`) before it took the task (attempt ${spec.attempt}${round ? `, fix round ${round}` : ""})`;
  if (decision.kind === "restart") {
    // Relabel first: a crash before the comment leaves a newer run, which a redelivery respects.
    await octokit.rest.issues.removeLabel({ ...where, name: names.ready }).catch(gone);
    await octokit.rest.issues.addLabels({ ...where, labels: [names.ready] });
    await octokit.rest.issues.createComment({
      ...where,
      body: keyedComment(
        key,
        `**HavunCore:** ${ended}. It starts again (${decision.nth} of ${MAX_EARLY_RESTARTS}).`,
      ),
    });
    deps.log.warn(log, "run ended before it took the task: started again");
    return [];
  }
  await octokit.rest.issues.addLabels({ ...where, labels: [names.failed] });
  await octokit.rest.issues.removeLabel({ ...where, name: names.ready }).catch(gone);
  await octokit.rest.issues.createComment({
    ...where,
    body: keyedComment(
      key,
      [
        `**HavunCore:** ${ended}, after ${decision.restarts} restarts that ended the same way. The task is marked failed; it runs again while attempts are left.`,
        "",
        `Runs that stop before they start usually mean this repository's Actions cannot run the caller workflow: look at the run's log, check that Actions is enabled and a runner is available, and run \`havun doctor --hub ${spec.hub}\`. Then \`/retry ${spec.task.id}\` on the hub issue if no attempts are left.`,
      ].join("\n"),
    ),
  });
  deps.log.warn(log, "runs keep ending before they take the task: marked failed");
  return [{ hub: spec.hub, number: spec.hub_issue }];
}

/** Whether a run newer than `run` of the same caller workflow was started for the same label. */
async function hasNewerRun(
  deps: OrchestratorDeps,
  run: EndedIssuesRun,
  issue: number,
  label: string,
): Promise<boolean> {
  const runs = await deps.octokit.rest.actions.listWorkflowRunsForRepo({
    ...splitRepo(run.repo),
    event: "issues",
    per_page: 100,
  });
  return runs.data.workflow_runs.some((r) => {
    const t = readRunTitle(r.display_title);
    return r.id > run.runId && r.path === run.path && t?.issue === issue && t.label === label;
  });
}
