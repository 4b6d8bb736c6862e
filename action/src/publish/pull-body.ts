import { renderAcceptanceSection } from "../../../app/spec/agent-pull.ts";
import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import { inertBlock, inertInline } from "../../../app/text/inert.ts";
import type { RunResultFile } from "../shared/run-files.ts";

/**
 * The task PR's body. Only its first line closes anything (this task's sub-issue); the agent's
 * summary and file names are shown inert (a fenced block in which no heading, checklist item,
 * mention, closing reference or marker can form); the acceptance checklist is the App's managed
 * section, written unticked — the gate counts a tick only when a person with write access made
 * it; the cost marker is the one the App signed for this run.
 */
export function pullBody(o: {
  repo: string;
  issue: number;
  spec: TaskSpec;
  result: RunResultFile;
  runUrl: string;
  costMarker: string;
}): string {
  const r = o.result;
  const files = r.files.slice(0, 200).map((f) => `- ${inertInline(f, 300)}`);
  if (r.files.length > 200) files.push(`- … and ${r.files.length - 200} more`);
  return [
    `Closes ${o.repo}#${o.issue}`,
    "",
    `Task **${o.spec.task.id}** of ${o.spec.hub}#${o.spec.hub_issue} (attempt ${o.spec.attempt}), implemented by Claude Code.`,
    "",
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
    "### Agent run",
    "",
    `| turns | input tokens | output tokens | cost | files changed |`,
    `|---:|---:|---:|---:|---:|`,
    `| ${r.turns} | ${r.input_tokens} | ${r.output_tokens} | $${r.cost_usd.toFixed(2)} | ${r.files.length} |`,
    "",
    "<details><summary>Files changed</summary>",
    "",
    ...files,
    "",
    "</details>",
    "",
    `[Run log](${o.runUrl})`,
    "",
    o.costMarker,
  ].join("\n");
}
