import type { EstimateSample } from "./calibration.ts";
import { estimateErrors, type EstimateErrors } from "./estimate-errors.ts";

/** A hub's estimate error before and after calibration, overall and per repository, kind and agent. */
export interface EstimatesReport {
  hub: string;
  orchestrations: number;
  overall: EstimateErrors;
  groups: Array<{ repo: string; kind: string; agent: string | null } & EstimateErrors>;
}

export function estimatesReport(hub: string, history: readonly EstimateSample[]): EstimatesReport {
  const keys = new Map<string, { repo: string; kind: string; agent: string | null }>();
  for (const s of history)
    keys.set(`${s.repo.toLowerCase()}|${s.kind}|${s.agent}`, {
      repo: s.repo,
      kind: s.kind,
      agent: s.agent,
    });
  const groups = [...keys.values()]
    .map((g) => ({
      ...g,
      ...estimateErrors(
        history,
        (s) =>
          s.repo.toLowerCase() === g.repo.toLowerCase() && s.kind === g.kind && s.agent === g.agent,
      ),
    }))
    .sort(
      (a, b) => b.tasks - a.tasks || a.repo.localeCompare(b.repo) || a.kind.localeCompare(b.kind),
    );
  return {
    hub,
    orchestrations: new Set(history.map((s) => s.orchestration)).size,
    overall: estimateErrors(history),
    groups,
  };
}

const minutes = (n: number | null) => (n === null ? "—" : `${Math.round(n)} min`);
const change = (before: number | null, after: number | null) =>
  before && after !== null
    ? ` (${after <= before ? "−" : "+"}${Math.abs(Math.round((1 - after / before) * 100))}%)`
    : "";

/** The report as text for a terminal. */
export function formatEstimates(r: EstimatesReport): string {
  if (r.overall.tasks === 0)
    return `${r.hub} has no finished orchestrations with timed tasks yet: estimates stay the planner's until some finish.`;
  const o = r.overall;
  const lines = [
    `${r.hub}: ${o.tasks} finished tasks in ${r.orchestrations} orchestrations; ${o.calibrated} had earlier history to calibrate from.`,
    `Median absolute estimate error: planner ${minutes(o.medianAbsMinutes.before)} → calibrated ${minutes(o.medianAbsMinutes.after)}${change(o.medianAbsMinutes.before, o.medianAbsMinutes.after)}; relative ${o.medianAbsRelative.before} → ${o.medianAbsRelative.after}.`,
    ...(o.inRange === null
      ? []
      : [
          `${Math.round(o.inRange * 100)}% of the calibrated tasks took a time inside their calibrated range.`,
        ]),
    "",
  ];
  const head = ["repository · kind · agent", "tasks", "planner", "calibrated"];
  const rows = r.groups.map((g) => [
    `${g.repo} · ${g.kind} · ${g.agent ?? "(no agent)"}`,
    String(g.tasks),
    minutes(g.medianAbsMinutes.before),
    minutes(g.medianAbsMinutes.after),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  lines.push(line(head), ...rows.map(line));
  lines.push(
    "",
    "Errors are medians of |estimate − actual|; each orchestration is calibrated only from those that finished before it.",
  );
  return lines.join("\n");
}
