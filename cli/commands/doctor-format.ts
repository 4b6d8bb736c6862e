import type { DoctorCheck } from "../../app/install/doctor-check.ts";

const MARK = { ok: "✓", fail: "✗", skip: "–" } as const;

/** The checks as a checklist grouped by what they are about; each problem with its fix. */
export function formatDoctor(hub: string, checks: DoctorCheck[]): string {
  const subjects = [...new Set(checks.map((c) => c.subject))];
  const lines = [`havun doctor: hub ${hub}`];
  for (const subject of subjects) {
    lines.push("", subject);
    for (const c of checks.filter((x) => x.subject === subject)) {
      lines.push(`  ${MARK[c.status]} ${c.title}`);
      for (const d of c.detail ?? []) lines.push(`      ${d}`);
      if (c.fix) lines.push(`      ${c.status === "skip" ? "to check it" : "fix"}: ${c.fix}`);
    }
  }
  const failed = checks.filter((c) => c.status === "fail").length;
  const skipped = checks.filter((c) => c.status === "skip").length;
  lines.push(
    "",
    failed
      ? `${failed} problem(s) to fix.`
      : `All ${checks.length - skipped} checks passed${skipped ? ` (${skipped} could not be made)` : ""}.`,
  );
  return lines.join("\n");
}
