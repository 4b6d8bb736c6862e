import type { HubConfig } from "../config/hub-config-schema.ts";
import type { Action } from "./actions.ts";
import { issueCostUsd, type Budget } from "./budget.ts";
import type { Control } from "./control.ts";
import type { IssueRef, OrchestrationState, SubIssueView, TaskView } from "./state.ts";

/** What one task has spent against its own budget (US dollars). */
export interface TaskBudget {
  id: string;
  spentUsd: number;
  /** One run's budget: the task's agent's `budget_usd`, else `agent.budget_usd.per_task`. */
  perRunUsd: number;
  /** One run's budget, or what a writer's /retry raised it to. */
  limitUsd: number;
  raised: boolean;
  runs: number;
  reached: boolean;
}

const cents = (usd: number) => Math.round(usd * 100) / 100;
const usd = (n: number) => `$${n.toFixed(2)}`;

/** A task's budget from its sub-issue (null: not filed yet); reached when its runs spent it. */
export function taskBudget(
  id: string,
  sub: Pick<SubIssueView, "spec" | "runs" | "costUsd"> | null,
  config: HubConfig,
  control: Control,
): TaskBudget {
  const perRunUsd = sub?.spec?.agent?.budget_usd ?? config.agent.budget_usd.per_task;
  const raisedTo = control.taskBudgetUsd[id];
  const limitUsd = raisedTo ?? perRunUsd;
  const spentUsd = sub ? issueCostUsd(sub) : 0;
  return {
    id,
    spentUsd,
    perRunUsd,
    limitUsd,
    raised: raisedTo !== undefined,
    runs: sub?.runs?.length ?? 0,
    reached: cents(spentUsd) >= cents(limitUsd),
  };
}

/**
 * The tasks that may start a new run (a retry or a fix round) and those held: all of them while
 * the orchestration's budget is reached, else each task that spent its own.
 */
export function splitByBudget(
  views: Map<string, TaskView>,
  budget: Budget,
  config: HubConfig,
  control: Control,
): { may: Map<string, TaskView>; held: Map<string, TaskView> } {
  const may = new Map<string, TaskView>();
  const held = new Map<string, TaskView>();
  for (const [id, v] of views)
    (budget.reached || taskBudget(id, v.issue, config, control).reached ? held : may).set(id, v);
  return { may, held };
}

/**
 * The runs held tasks would start (computed on copies: nothing in `views` or `control` changes):
 * `run` is the dispatching logic (retries, fix rounds). A draft whose checks went green is still
 * marked ready for review; the ids of tasks a run was held for are returned.
 */
export function heldRuns(
  held: Map<string, TaskView>,
  control: Control,
  run: (views: Map<string, TaskView>, control: Control, scratch: Action[]) => void,
  actions: Action[],
): string[] {
  const scratch: Action[] = [];
  const copies = new Map([...held].map(([id, v]) => [id, { ...v }]));
  run(copies, structuredClone(control), scratch);
  actions.push(...scratch.filter((a) => a.kind === "mark-ready"));
  // Each new run marks its sub-issue ready: a task with such a label added was held.
  const starts = scratch.flatMap((a) =>
    a.kind === "add-labels" ? [`${a.issue.repo}#${a.issue.number}`.toLowerCase()] : [],
  );
  return [...held]
    .filter(
      ([, v]) => v.issue && starts.includes(`${v.issue.repo}#${v.issue.number}`.toLowerCase()),
    )
    .map(([id]) => id);
}

/** The hub comment when a task's own budget holds its next run: once per task and limit. */
export function taskBudgetComment(t: TaskBudget, issue: string): { key: string; body: string } {
  const source = t.raised
    ? "raised by /retry"
    : `one run's: \`agent.budget_usd.per_task\`, or its agent's \`budget_usd\``;
  return {
    key: `task-budget-${t.id}-${t.limitUsd.toFixed(2)}`,
    body: [
      `**HavunCore stopped task \`${t.id}\` (${issue}): it reached its budget.** Its ${t.runs} run${t.runs === 1 ? "" : "s"} spent ${usd(t.spentUsd)} of ${usd(t.limitUsd)} (${source}), so no retry or fix round of it starts.`,
      "",
      `A writer grants it one more run's budget over what it spent with \`/retry ${t.id}\`.`,
    ].join("\n"),
  };
}

/**
 * `/retry <task>` of a task that spent its own budget raises it by one run's budget over what it
 * spent (true when it did); the attempt or fix round it needs is granted as for any /retry.
 */
export function grantTaskBudget(
  state: OrchestrationState,
  config: HubConfig,
  taskId: string,
): boolean {
  const sub = state.subIssues.find((i) => i.byApp && i.spec?.task.id === taskId) ?? null;
  const t = taskBudget(taskId, sub, config, state.control);
  if (!sub || !t.reached) return false;
  state.control.taskBudgetUsd[taskId] = cents(t.spentUsd + t.perRunUsd);
  return true;
}

/**
 * Tasks whose next run their own budget held are failed (until a writer's /retry); the hub says
 * so once for each, with the figures.
 */
export function stopAtTaskBudget(
  stopped: string[],
  views: Map<string, TaskView>,
  o: { config: HubConfig; control: Control; commentKeys: string[]; hub: IssueRef },
): Action[] {
  return stopped.flatMap((id) => {
    const v = views.get(id);
    if (!v?.issue) return [];
    v.status = "failed";
    const notice = taskBudgetComment(
      taskBudget(id, v.issue, o.config, o.control),
      `${v.issue.repo}#${v.issue.number}`,
    );
    return o.commentKeys.includes(notice.key)
      ? []
      : [{ kind: "comment" as const, issue: o.hub, ...notice }];
  });
}
