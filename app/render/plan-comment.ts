import type { HubConfig } from "../config/hub-config-schema.ts";
import { needsApproval, type ApprovalNeed } from "../planner/approval.ts";
import type { Plan, Task } from "../spec/task-schema.ts";
import { formatMinutes } from "./duration.ts";
import { fitRows } from "./fit-rows.ts";
import { code, defang, GITHUB_BODY_LIMIT, inline, plural } from "./markdown.ts";
import { dependencyGraph } from "./mermaid.ts";

export interface PlanCommentContext {
  hub: string;
  issueNumber: number;
  approval: HubConfig["approval"];
  /** Under `approval: risky`: what makes this plan wait (nothing: it starts by itself). */
  need?: ApprovalNeed | null;
  /** What planning cost, as the App's signed marker (`renderPlannerCost`). */
  costMarker?: string;
}

const HEAD = [
  "| # | Task | Title | Repository | Kind | Agent | Priority | Depends on | Estimate |",
  "|---:|---|---|---|---|---|---|---|---:|",
];

/** The planner's estimate, and HavunCore's calibrated one with its range when there is one. */
function estimateCell(t: Task): string {
  const planner = formatMinutes(t.estimate_minutes);
  const c = t.calibrated;
  if (!c) return planner;
  return `${planner} → **${formatMinutes(c.minutes)}** (${formatMinutes(c.low)}–${formatMinutes(c.high)})`;
}

/** Where the estimates come from, in a line under the totals. */
function estimatesNote(tasks: readonly Task[]): string {
  const calibrated = tasks.filter((t) => t.calibrated);
  if (calibrated.length === 0)
    return "_Estimates are the planner's: this hub has too few finished tasks to calibrate them yet._";
  const most = Math.max(...calibrated.map((t) => t.calibrated!.samples));
  return `_Estimates: the planner's → calibrated from up to ${plural(most, "finished task")} of this hub's earlier orchestrations (the same repository, kind and agent where there were enough); in brackets, the range of the middle half of what similar tasks took. The hub's ETA uses the calibrated figures._`;
}

/** Why a plan under `approval: risky` waits: its secrets and the projects the request did not name. */
function reasons(need: ApprovalNeed): string[] {
  return [
    ...need.secrets.map(
      (s) =>
        `- task ${code(s.task)} (${s.repo}) attaches sealed ${s.names.length === 1 ? "secret" : "secrets"} ${s.names.map(code).join(", ")}`,
    ),
    ...need.repos.map((r) => `- it puts tasks in ${r}, which the request does not name`),
  ];
}

function nextStep(ctx: PlanCommentContext): string {
  if (ctx.need && needsApproval(ctx.need))
    return [
      "**Waiting for approval** — a writer comments `/approve` to start, because:",
      "",
      ...reasons(ctx.need),
    ].join("\n");
  return ctx.approval === "required"
    ? "**Waiting for approval:** comment `/approve` to start, or `/replan <what to change>` to plan again."
    : "Tasks start as soon as their dependencies are done. Comment `/cancel` to stop, `/status` for the state.";
}

/**
 * The plan as a hub issue comment: summary, a table of tasks (each with its agent and its
 * estimate, the planner's and the calibrated one), a Mermaid graph of dependencies, and what
 * happens next. Within GitHub's limit: without the graph, then with fewer rows.
 */
export function renderPlanComment(plan: Plan, ctx: PlanCommentContext): string {
  const { tasks } = plan;
  const repos = new Set(tasks.map((t) => t.repo.toLowerCase())).size;
  const total = tasks.reduce((sum, t) => sum + t.estimate_minutes, 0);
  const calibratedTotal = tasks.reduce(
    (sum, t) => sum + (t.calibrated?.minutes ?? t.estimate_minutes),
    0,
  );
  const totals = tasks.some((t) => t.calibrated)
    ? `total estimate ${formatMinutes(total)} by the planner, ${formatMinutes(calibratedTotal)} calibrated`
    : `total estimate ${formatMinutes(total)}`;
  const rows = tasks.map((t, i) =>
    [
      "",
      String(i + 1),
      code(t.id),
      inline(t.title, 120),
      t.repo,
      t.kind,
      t.agent === undefined ? "—" : code(t.agent),
      t.priority,
      t.dependencies.length === 0 ? "—" : t.dependencies.map(code).join(", "),
      estimateCell(t),
      "",
    ]
      .join(" | ")
      .trim(),
  );
  const before = [
    `### 🗺️ Plan for ${ctx.hub}#${ctx.issueNumber}`,
    "",
    defang(plan.summary.trim()),
    "",
    `**${plural(tasks.length, "task")}** in ${plural(repos, "repository", "repositories")} · ${totals}`,
    "",
    estimatesNote(tasks),
    "",
    ...HEAD,
  ].join("\n");
  const next = nextStep(ctx) + (ctx.costMarker ? `\n${ctx.costMarker}` : "");
  const note = (hidden: number) =>
    `_… ${plural(hidden, "more task")} not shown: the comment would be too long._`;
  const graph = dependencyGraph(tasks);
  const withGraph = [
    "",
    "#### Dependencies",
    "",
    graph ?? "_Too many dependencies to draw._",
    "",
    next,
  ].join("\n");
  const fitted = fitRows(before, rows, withGraph, note);
  if (fitted.hidden === 0 || graph === null) return `${fitted.text}\n`;
  const without = [
    "",
    "_The dependency graph is left out: the comment would be too long._",
    "",
    next,
  ].join("\n");
  return `${fitRows(before, rows, without, note, GITHUB_BODY_LIMIT - 1).text}\n`;
}
