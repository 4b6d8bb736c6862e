import type { Summary } from "../core/metrics.ts";
import { formatMinutes } from "./duration.ts";
import { plural } from "./markdown.ts";
import { formatUsd } from "./status-view.ts";

const percent = (rate: number) => `${Math.round(rate * 100)}%`;
const perTask = (n: number | null) => (n === null ? "—" : n.toFixed(1));
const minutes = (n: number) => (n < 1 ? "under a minute" : formatMinutes(n));

/**
 * An orchestration's (or any set of tasks') own figures on one line: agent pull requests opened,
 * merged and closed unmerged, how fast they merged, attempts and fix rounds, cost per merge,
 * estimates against what the tasks took.
 */
export function renderMetricsLine(s: Summary, plannerUsd: number): string {
  const prs = s.pulls;
  const parts = [
    `${plural(prs.opened, "agent pull request")} opened, ${prs.merged} merged${prs.mergeRate === null ? "" : ` (${percent(prs.mergeRate)})`}, ${prs.closedUnmerged} closed unmerged`,
    ...(s.medianDispatchToMergeMinutes === null
      ? []
      : [`median ${minutes(s.medianDispatchToMergeMinutes)} from dispatch to merge`]),
    `${perTask(s.attemptsPerTask)} attempts and ${perTask(s.fixRoundsPerTask)} fix rounds per task`,
    ...(s.costPerMergedPullUsd === null
      ? []
      : [`${formatUsd(s.costPerMergedPullUsd)} per merged pull request`]),
    `planning ${formatUsd(plannerUsd)}`,
    ...(s.estimates.tasks
      ? [
          `estimated ${formatMinutes(s.estimates.estimatedMinutes)}, took ${minutes(s.estimates.actualMinutes)}`,
        ]
      : []),
  ];
  return `**Agents:** ${parts.join(" · ")}`;
}
