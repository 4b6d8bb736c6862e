import { formatMinutes } from "./duration.ts";
import { fitRows } from "./fit-rows.ts";
import { inline, plural } from "./markdown.ts";
import { progress } from "./progress.ts";
import { formatUsd, STATUS_EMOJI, type ReportView, type StatusTask } from "./status-view.ts";

const HEAD = [
  "| Task | Repository | Result | Pull request | Attempts | Cost |",
  "|---|---|---|---|---:|---:|",
];

function row(t: StatusTask): string {
  const pr =
    t.pr === undefined ? "—" : `${t.repo}#${t.pr.number}${t.pr.merged ? " (merged)" : " (open)"}`;
  const cells = [
    `**${t.id}** ${inline(t.title, 80)}`,
    t.repo,
    `${STATUS_EMOJI[t.status]} ${t.status === "review" ? "in review" : t.status}`,
    pr,
    t.attempts === undefined ? "—" : String(t.attempts),
    t.costUsd === undefined ? "—" : formatUsd(t.costUsd),
  ];
  return `| ${cells.join(" | ")} |`;
}

/** Minutes between two ISO times, or undefined when either is missing or unreadable. */
function minutesBetween(from?: string, to?: string): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms / 60_000 : undefined;
}

/** The comment closing an orchestration: each task's result and PR, total cost, duration. */
export function renderFinalReport(view: ReportView): string {
  const p = progress(view);
  const complete = p.done === p.total && p.failed === 0;
  const duration = minutesBetween(view.startedAt, view.finishedAt);
  const facts = [
    `${p.done} of ${plural(p.total, "task")} done`,
    ...(p.cancelled > 0 ? [`${p.cancelled} cancelled`] : []),
    ...(p.failed > 0 ? [`${p.failed} failed`] : []),
    `total cost ${formatUsd(p.costUsd)}`,
    ...(duration === undefined ? [] : [`took ${formatMinutes(duration)}`]),
  ];
  const before = [
    complete ? "### 🎉 Orchestration complete" : "### Orchestration finished",
    "",
    facts.join(" · "),
    "",
    ...(view.metricsLine ? [view.metricsLine, ""] : []),
    ...HEAD,
  ].join("\n");
  const prs = view.tasks.filter((t) => t.pr?.merged).length;
  const after = `\n${plural(prs, "pull request")} merged.`;
  const note = (hidden: number) => `_… ${plural(hidden, "more task")} not shown._`;
  return `${fitRows(before, view.tasks.map(row), after, note).text}\n`;
}
