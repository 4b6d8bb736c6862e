import { dependencyMet } from "../agents/review-task.ts";
import type { HubConfig } from "../config/hub-config-schema.ts";
import type { Task } from "../spec/task-schema.ts";
import type { LabelNames } from "./labels.ts";
import type { OrchestrationState, SubIssueView, TaskStatus, TaskView } from "./state.ts";

/**
 * Picks the sub-issue that stands for each task: written by the App for this hub issue, and
 * not closed as a duplicate. When several exist (a concurrent delivery), the oldest wins.
 */
export function issuesByTask(state: OrchestrationState): {
  chosen: Map<string, SubIssueView>;
  duplicates: SubIssueView[];
} {
  const chosen = new Map<string, SubIssueView>();
  const duplicates: SubIssueView[] = [];
  const hubRepo = state.hub.repo.toLowerCase();
  const mine = state.subIssues
    .filter(
      (s) =>
        s.byApp &&
        s.spec &&
        s.spec.hub.toLowerCase() === hubRepo &&
        s.spec.hub_issue === state.hub.number,
    )
    .filter((s) => !(s.state === "closed" && s.stateReason === "duplicate"))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  for (const s of mine) {
    const id = s.spec!.task.id;
    if (chosen.has(id)) duplicates.push(s);
    else chosen.set(id, s);
  }
  return { chosen, duplicates };
}

/**
 * Whether a closed sub-issue was closed legitimately: by the merge of its task's own PR, by the
 * App (cancel, duplicate), or by hand by a person with write access. A closing keyword in any
 * other pull request or commit does not finish a task: such a sub-issue is reopened.
 */
export function closedWrongly(issue: SubIssueView, appSlug: string): boolean {
  if (issue.state !== "closed" || issue.stateReason === "not_planned") return false;
  if (issue.stateReason === "duplicate") return false;
  const by = issue.closedBy;
  if (!by) return false;
  if (by.pull)
    return !issue.pulls.some(
      (p) =>
        p.own &&
        p.number === by.pull!.number &&
        p.repo.toLowerCase() === by.pull!.repo.toLowerCase(),
    );
  if (by.commit) return true;
  if (by.actor === appSlug || by.actor === `${appSlug}[bot]`) return false;
  return by.actorCanWrite === false;
}

function ownStatus(
  issue: SubIssueView | null,
  labels: LabelNames,
  cancelled: boolean,
  attemptsLeft: boolean,
  appSlug: string,
  exhausted: boolean,
): TaskStatus | null {
  if (issue?.pulls.some((p) => p.own && p.state === "MERGED")) return "done";
  if (issue?.state === "closed" && !closedWrongly(issue, appSlug))
    return issue.stateReason === "not_planned" ? "cancelled" : "done";
  if (cancelled) return "cancelled";
  if (!issue) return null;
  if (issue.pulls.some((p) => p.own && p.state === "OPEN")) {
    // Its pull request is open: a fix round runs, is about to, or it waits for review.
    if (exhausted) return "failed";
    if (issue.labels.includes(labels.running)) return "running";
    if (issue.labels.includes(labels.ready) || issue.labels.includes(labels.failed))
      return "dispatched";
    return "review";
  }
  if (issue.labels.includes(labels.failed)) return attemptsLeft ? "dispatched" : "failed";
  if (issue.pulls.some((p) => p.own && p.state === "OPEN")) return "review";
  if (issue.labels.includes(labels.running)) return "running";
  if (issue.labels.includes(labels.ready)) return "dispatched";
  return null;
}

/** Every planned task with its status, derived from its sub-issue, labels and pull requests. */
export function taskViews(
  state: OrchestrationState,
  config: HubConfig,
  labels: LabelNames,
  chosen: Map<string, SubIssueView>,
  appSlug: string,
): Map<string, TaskView> {
  const views = new Map<string, TaskView>();
  const tasks: Task[] = state.plan?.tasks ?? [];
  for (const task of tasks) {
    const issue = chosen.get(task.id) ?? null;
    const attempt = issue?.spec?.attempt ?? 1;
    const allowed = config.agent.attempts + (state.control.extraAttempts[task.id] ?? 0);
    const cancelled = state.control.cancelledAll || state.control.cancelled.includes(task.id);
    const exhausted = state.control.exhausted.includes(task.id);
    const status = ownStatus(issue, labels, cancelled, attempt < allowed, appSlug, exhausted);
    views.set(task.id, {
      task,
      status: status ?? "pending",
      waitingOn: [],
      issue,
      attempt,
      allowedAttempts: allowed,
    });
  }
  for (const view of views.values()) {
    if (view.status !== "pending") continue;
    view.waitingOn = view.task.dependencies.filter((d) => !dependencyMet(view, views.get(d)));
    view.status = !view.issue ? "pending" : view.waitingOn.length ? "blocked" : "ready";
  }
  return views;
}
