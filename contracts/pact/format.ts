import type { VerifyReport } from "./verify.ts";

export const PACT_FORMATS = ["text", "markdown", "json"] as const;
export type PactFormat = (typeof PACT_FORMATS)[number];

export function formatVerifyReport(report: VerifyReport, format: PactFormat): string {
  if (format === "json") return JSON.stringify(report, null, 2) + "\n";
  return format === "markdown" ? verifyMarkdown(report) : verifyText(report);
}

function counts(report: VerifyReport): string {
  const broken = report.pacts.filter((p) => !p.ok).length;
  const n = report.pacts.length;
  return broken === 0
    ? `${n} consumer pact${n === 1 ? "" : "s"} verified`
    : `${broken} of ${n} consumer pact${n === 1 ? "" : "s"} broken`;
}

function verifyText(report: VerifyReport): string {
  const lines = [
    `Pact verification of ${report.service} at ${report.providerUrl}: ${counts(report)}`,
  ];
  for (const p of report.pacts) {
    const passed = p.interactions.filter((i) => i.ok).length;
    lines.push(
      `  ${p.ok ? "ok  " : "FAIL"} ${p.consumer}: ${passed}/${p.interactions.length} interactions (${p.file})`,
    );
    for (const f of p.failures) {
      lines.push(`       ${f.interaction}`);
      for (const problem of f.problems) lines.push(`         - ${problem}`);
    }
    if (p.missingStates.length)
      lines.push(`       no state handler for: ${p.missingStates.map((s) => `"${s}"`).join(", ")}`);
  }
  return lines.join("\n") + "\n";
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** Markdown for a check run or step summary: a table per consumer, then each failure. */
export function verifyMarkdown(report: VerifyReport): string {
  const out = [
    `### Pact verification: ${report.ok ? "✅" : "❌"} ${counts(report)}`,
    "",
    `Provider \`${report.service}\` at the pull request's head, every consumer's pact from the hub.`,
    "",
    "| consumer | interactions | result |",
    "| --- | --- | --- |",
  ];
  for (const p of report.pacts) {
    const passed = p.interactions.filter((i) => i.ok).length;
    out.push(
      `| ${cell(p.consumer)} | ${passed}/${p.interactions.length} | ${p.ok ? "✅ verified" : "❌ broken"} |`,
    );
  }
  for (const p of report.pacts.filter((x) => x.failures.length > 0 || x.missingStates.length > 0)) {
    out.push("", `#### ${p.consumer}`, "");
    for (const f of p.failures)
      out.push(`- ${cell(f.interaction)}`, ...f.problems.map((x) => `  - \`${cell(x)}\``));
    if (p.missingStates.length)
      out.push(
        `- ⚠️ no state handler for ${p.missingStates.map((s) => `\`${cell(s)}\``).join(", ")}: add it to the states module.`,
      );
  }
  return out.join("\n") + "\n";
}
