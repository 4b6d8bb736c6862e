import type { HubConfig } from "../config/hub-config-schema.ts";
import { needsApproval, type ApprovalNeed } from "../planner/approval.ts";
import type { Plan } from "../spec/task-schema.ts";
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
}

const HEAD = [
  "| # | Task | Title | Repository | Kind | Priority | Depends on | Estimate |",
  "|---:|---|---|---|---|---|---|---:|",
];

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
 * The plan as a hub issue comment: summary, a table of tasks, a Mermaid graph of dependencies,
 * and what happens next. Within GitHub's limit: without the graph, then with fewer rows.
 */
export function renderPlanComment(plan: Plan, ctx: PlanCommentContext): string {
  const { tasks } = plan;
  const repos = new Set(tasks.map((t) => t.repo.toLowerCase())).size;
  const total = tasks.reduce((sum, t) => sum + t.estimate_minutes, 0);
  const rows = tasks.map((t, i) =>
    [
      "",
      String(i + 1),
      code(t.id),
      inline(t.title, 120),
      t.repo,
      t.kind,
      t.priority,
      t.dependencies.length === 0 ? "—" : t.dependencies.map(code).join(", "),
      formatMinutes(t.estimate_minutes),
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
    `**${plural(tasks.length, "task")}** in ${plural(repos, "repository", "repositories")} · total estimate ${formatMinutes(total)}`,
    "",
    ...HEAD,
  ].join("\n");
  const next = nextStep(ctx);
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
