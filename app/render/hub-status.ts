import { fitRows } from "./fit-rows.ts";
import { plural } from "./markdown.ts";
import { dependencyGraph } from "./mermaid.ts";
import { bar, etaText, progress } from "./progress.ts";
import { formatUsd, STATUS_CLASS_DEFS, type StatusView } from "./status-view.ts";
import { taskLine } from "./task-line.ts";

/** Room the section may take in the hub issue body; the author's text needs the rest. */
export const HUB_STATUS_BUDGET = 50_000;

/**
 * The hub issue's managed section (its content; `replaceManagedSection` adds the markers):
 * progress, ETA, a live checklist and the dependency graph coloured by status.
 */
export function renderHubStatus(view: StatusView, budget = HUB_STATUS_BUDGET): string {
  const p = progress(view);
  const facts = [
    `${bar(p.percent)} **${p.done}/${p.total} done (${p.percent}%)**`,
    ...(p.remainingMinutes > 0 ? [`ETA ${etaText(p)}`] : []),
    ...(p.costUsd > 0 ? [`cost ${formatUsd(p.costUsd)}`] : []),
    ...(p.failed > 0 ? [`${p.failed} failed`] : []),
    ...(p.cancelled > 0 ? [`${p.cancelled} cancelled`] : []),
  ];
  const before = ["### HavunCore status", "", facts.join(" · "), ""].join("\n");
  const lines = view.tasks.map((t) => taskLine(t, view.tasks));
  const status = new Map(view.tasks.map((t) => [t.id, t.status]));
  const graph = dependencyGraph(
    view.tasks,
    (id) => status.get(id) ?? "pending",
    Object.fromEntries([...new Set(status.values())].map((s) => [s, STATUS_CLASS_DEFS[s]])),
  );
  const note = (hidden: number) => `_… ${plural(hidden, "more task")} not shown._`;
  const after = graph === null ? "" : `\n${graph}`;
  const fitted = fitRows(before, lines, after, note, budget);
  if (fitted.hidden === 0 || after === "") return fitted.text;
  return fitRows(before, lines, "", note, budget).text;
}
