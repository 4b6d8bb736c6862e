import type { Finding } from "../finding.ts";
import { groupFindings, listOperations, summarise, summaryLine } from "./group.ts";

/** Plain text for terminals: a summary line, then one block per change, most severe first. */
export function formatText(findings: readonly Finding[], base: string, head: string): string {
  const lines = [`${base} → ${head}: ${summaryLine(summarise(findings))}`];
  for (const { first: f, operations } of groupFindings(findings)) {
    lines.push("");
    lines.push(`${f.level.padEnd(4)} ${f.id} [${f.changeId}]  ${listOperations(operations)}`);
    lines.push(`     ${f.message}`);
    lines.push(`     at ${f.doc} ${f.pointer || "/"}`);
  }
  return lines.join("\n") + "\n";
}
