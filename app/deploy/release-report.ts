import { contractLines } from "../integration/contract-lines.ts";
import { inline } from "../render/markdown.ts";
import type { ReleasePhase } from "./release-phase.ts";

const ICON: Record<string, string> = {
  success: "✅",
  failure: "❌",
  error: "❌",
  running: "🔄",
  in_progress: "🔄",
  queued: "⏳",
  pending: "⏳",
  "not started": "·",
  "waiting for /deploy": "✋",
};

/**
 * The integration result and each deployment (environment, status, URL), for the hub's status
 * section while the phase runs and for the final report; then the plan's deployment checklist.
 */
export function renderRelease(phase: ReleasePhase | null, checklist: string[] = []): string {
  const out: string[] = [];
  if (phase?.problem) out.push(`**Release stopped:** ${phase.problem}`, "");
  if (phase?.integration) {
    const i = phase.integration;
    out.push(`**Integration check:** ${ICON[i.state] ?? ""} ${i.state}`);
    if (i.contracts.length || i.results.length)
      out.push("", ...i.contracts.flatMap(contractLines), ...i.results.map(resultLine));
    out.push("");
  }
  if (phase?.chain?.steps.length) {
    out.push(
      "| Deployment | Environment | Status | URL |",
      "|---|---|---|---|",
      ...phase.chain.steps.map((s) => {
        const d = s.deployment;
        const url = d?.environmentUrl ? d.environmentUrl : "—";
        const log = d?.logUrl ? ` ([log](${d.logUrl}))` : "";
        return `| ${s.target.repo} | ${s.target.environment} | ${ICON[s.state] ?? ""} ${s.state}${log} | ${url} |`;
      }),
      "",
    );
  }
  if (checklist.length)
    out.push(
      "**Deployment checklist** (by hand):",
      "",
      ...checklist.map((c) => `- [ ] ${inline(c, 300)}`),
      "",
    );
  return out.join("\n");
}

function resultLine(r: NonNullable<ReleasePhase["integration"]>["results"][number]): string {
  const link = r.run ? ` — [run](${r.run.url})` : "";
  return `- ${ICON[r.state] ?? "⏳"} \`${r.workflow.workflow}\` in ${r.workflow.repo}: ${r.state}${link}`;
}
