import type { HubConfig } from "../config/hub-config-schema.ts";
import { renderFinalReport } from "../render/final-report.ts";
import { renderHubStatus } from "../render/hub-status.ts";
import type { StatusTask, StatusView } from "../render/status-view.ts";
import { renderMetricsLine } from "../render/metrics-line.ts";
import { budgetHead, type Budget } from "./budget.ts";
import { orchestrationMetrics, summarize } from "./metrics.ts";
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
    ...(v.issue?.spec?.round
      ? { round: { n: v.issue.spec.round.n, kind: v.issue.spec.round.kind } }
      : {}),
    estimateMinutes: v.task.calibrated?.minutes ?? v.task.estimate_minutes,
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
  budget?: Budget,
): string {
  const head = waitingForApproval
    ? "**Waiting for approval:** a writer comments `/approve` to start.\n\n"
    : budget?.reached
      ? budgetHead(budget)
      : "";
  return head + renderHubStatus(statusView(views, config));
}

export function finalReport(
  state: OrchestrationState,
  views: TaskView[],
  config: HubConfig,
  now: string,
): string {
  const m = orchestrationMetrics(state, views, state.control);
  return renderFinalReport({
    ...statusView(views, config),
    startedAt: state.hub.createdAt,
    finishedAt: now,
    metricsLine: renderMetricsLine(summarize(m.tasks, m.plannerUsd), m.plannerUsd),
  });
}
