import { ROUNDS_SECTION, renderAcceptanceSection } from "../../../app/spec/agent-pull.ts";
import { readManagedSection, managedSection } from "../../../app/spec/managed-section.ts";
import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import { inertBlock, inertInline } from "../../../app/text/inert.ts";
import type { RunResultFile } from "../shared/run-files.ts";
import { snippetsUsed } from "./snippets-used.ts";

/** One run's entry in the PR's list of runs: what it answered, its figures, its signed cost. */
export function runEntry(o: {
  spec: TaskSpec;
  result: RunResultFile;
  runUrl: string;
  costMarker: string;
}): string {
  const r = o.result;
  const round = o.spec.round;
  const what = round
    ? `Fix round ${round.n} (${round.kind === "checks" ? "failing checks" : round.kind === "conflict" ? "a conflict with the base" : "a review"})`
    : `Attempt ${o.spec.attempt}`;
  // In an HTML summary: names as plain characters, `<` and `&` escaped.
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").slice(0, 100);
  const model = r.fallback
    ? `${esc(r.fallback.from)} → ${esc(r.fallback.to)}, `
    : r.model
      ? `${esc(r.model)}, `
      : "";
  return [
    `<details><summary>${what}: ${model}${r.files.length} file(s), ${r.turns} turns, $${r.cost_usd.toFixed(2)} · <a href="${o.runUrl}">run</a> · <a href="${o.runUrl}#artifacts">transcript</a></summary>`,
    "",
    inertBlock(r.summary, { maxChars: 1500 }),
    "",
    "</details>",
    o.costMarker,
  ].join("\n");
}

/** ` as the backend-engineer agent on claude-sonnet-5-5`, as far as the run says. */
function whoRan(r: RunResultFile): string {
  const agent = r.agent ? ` as the ${inertInline(r.agent, 40)} agent` : "";
  return r.model ? `${agent} on ${inertInline(r.model, 100)}` : agent;
}

/** When the model proxy moved the run to the agent's fallback model: said where people look. */
export function fallbackNote(r: RunResultFile): string[] {
  const f = r.fallback;
  if (!f) return [];
  return [
    `> [!NOTE]`,
    `> ${inertInline(f.from, 100)} answered overloaded or rate limited ${f.after} times in a row, so from model request ${f.at} on this run used the agent's fallback model ${inertInline(f.to, 100)}.`,
    "",
  ];
}

/**
 * The task PR's body. Only its first line closes anything (this task's sub-issue); the agent's
 * summary and file names are shown inert (a fenced block in which no heading, checklist item,
 * mention, closing reference or marker can form); the acceptance checklist is the App's managed
 * section, written unticked — the gate counts a tick only when a person with write access made
 * it; the runs section keeps one entry per attempt and fix round with the cost marker the App
 * signed for it (earlier entries carried over from the PR's current body).
 */
export function pullBody(o: {
  repo: string;
  issue: number;
  spec: TaskSpec;
  result: RunResultFile;
  runUrl: string;
  costMarker: string;
  /** The PR's current body, when it exists (its runs are kept). */
  previous: string | null;
}): string {
  const r = o.result;
  const files = r.files.slice(0, 200).map((f) => `- ${inertInline(f, 300)}`);
  if (r.files.length > 200) files.push(`- … and ${r.files.length - 200} more`);
  const earlier = o.previous ? (readManagedSection(o.previous, ROUNDS_SECTION) ?? "") : "";
  const runs = [earlier.trim(), runEntry(o)].filter(Boolean).join("\n\n").slice(-20_000);
  const round = o.spec.round ? `, fix round ${o.spec.round.n}` : "";
  return [
    `Closes ${o.repo}#${o.issue}`,
    "",
    `Task **${o.spec.task.id}** of ${o.spec.hub}#${o.spec.hub_issue} (attempt ${o.spec.attempt}${round}), implemented by Claude Code${whoRan(r)}.`,
    "",
    ...fallbackNote(r),
    "### What the agent reports",
    "",
    "_The agent's own words, shown as text: nothing in them is acted on._",
    "",
    inertBlock(r.summary, { maxChars: 12_000 }),
    "",
    "### Acceptance",
    "",
    "_A reviewer with write access ticks each criterion after checking it; the `havun/gate` check counts only such ticks._",
    "",
    renderAcceptanceSection(o.spec.task.acceptance),
    "",
    ...snippetsUsed(o.spec, r),
    "### Runs",
    "",
    managedSection(ROUNDS_SECTION, runs),
    "",
    "<details><summary>Files changed in the last run</summary>",
    "",
    ...files,
    "",
    "</details>",
    "",
    `[Run log](${o.runUrl}) · [transcript and result](${o.runUrl}#artifacts): the run's \`havun-agent\` artifact`,
  ].join("\n");
}
