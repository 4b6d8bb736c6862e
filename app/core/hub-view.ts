import type { HubConfig } from "../config/hub-config-schema.ts";
import { renderFinalReport } from "../render/final-report.ts";
import { renderHubStatus } from "../render/hub-status.ts";
import type { StatusTask, StatusView } from "../render/status-view.ts";
import type { OrchestrationState, TaskView } from "./state.ts";

function statusTask(v: TaskView): StatusTask {
  const pr =
    v.issue?.pulls.find((p) => p.own && p.state === "MERGED") ??
    v.issue?.pulls.find((p) => p.own && p.state === "OPEN") ??
    v.issue?.pulls.find((p) => p.own);
  return {
    id: v.task.id,
    title: v.task.title,
    repo: v.task.repo,
    status: v.status,
    ...(v.issue ? { issue: { number: v.issue.number, url: v.issue.url } } : {}),
    ...(pr ? { pr: { number: pr.number, url: pr.url, merged: pr.state === "MERGED" } } : {}),
    ...(v.issue?.costUsd != null ? { costUsd: v.issue.costUsd } : {}),
    ...(v.issue ? { attempts: v.attempt, maxAttempts: v.allowedAttempts } : {}),
    estimateMinutes: v.task.estimate_minutes,
    dependencies: v.task.dependencies,
  };
}

function statusView(views: TaskView[], config: HubConfig): StatusView {
  return {
    tasks: views.map(statusTask),
    maxParallel: config.dispatch === "sequential" ? 1 : config.agent.max_parallel,
  };
}

/** The hub issue's managed status section: live checklist, progress, ETA, graph. */
export function hubStatusSection(
  state: OrchestrationState,
  config: HubConfig,
  views: TaskView[],
  waitingForApproval: boolean,
): string {
  const head = waitingForApproval
    ? "**Waiting for approval:** a writer comments `/approve` to start.\n\n"
    : "";
  return head + renderHubStatus(statusView(views, config));
}

export function finalReport(
  state: OrchestrationState,
  views: TaskView[],
  config: HubConfig,
  now: string,
): string {
  return renderFinalReport({
    ...statusView(views, config),
    startedAt: state.hub.createdAt,
    finishedAt: now,
  });
}
