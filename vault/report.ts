import type { AuditEntry } from "./audit-log.ts";
import path from "node:path";
import type { SecretEntry } from "./listing.ts";
import type { VerifyResult } from "./verify.ts";

/** Plain-text renderings for the CLI. None of them ever has a value to show. */

export function secretsTable(entries: SecretEntry[]): string {
  const rows = [
    ["NAME", "REPOSITORY", "VERSION", "EXPIRES", "SEALER", "HUB"],
    ...entries.map((e) => [
      e.name,
      e.repo,
      `v${e.version}`,
      e.expires ?? "never",
      sealerLabel(e),
      e.hub ?? LEGACY,
    ]),
  ];
  return table(rows);
}

/** What a v1 file shows for its hub. */
const LEGACY = "none (v1: re-seal)";

function sealerLabel(entry: SecretEntry): string {
  if (entry.sealer === null) return "unsigned";
  return entry.sealer.name === null
    ? entry.sealer.keyId
    : `${entry.sealer.name} (${entry.sealer.keyId})`;
}

export function auditTable(entries: AuditEntry[]): string {
  const rows = [
    ["DATE", "ACTION", "VERSION", "HUB", "BY", "SEALER", "COMMIT", "MESSAGE"],
    ...entries.map((e) => [
      e.date,
      e.action,
      e.version === null ? "-" : `v${e.version}`,
      e.hub ?? (e.version === null ? "-" : LEGACY),
      `${e.author} <${e.email}>`,
      e.sealer ?? "-",
      e.commit.slice(0, 10),
      e.subject,
    ]),
  ];
  return table(rows);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) =>
      r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  "),
    )
    .join("\n");
}

/**
 * The lines `verify` prints for its problems: code, file, message and hint; with `annotate`
 * (inside GitHub Actions) also a `::error file=…::` line per problem, paths relative to `cwd`.
 */
export function verifyReport(
  result: VerifyResult,
  dir: string,
  options: { annotate: boolean; cwd: string },
): string {
  const lines: string[] = [];
  for (const p of result.problems) {
    lines.push(`error[${p.code}]: ${p.message}\n  ${p.hint}`);
    if (options.annotate) {
      const file = path.relative(options.cwd, path.join(dir, p.file ?? ""));
      lines.push(`::error file=${file}::${p.code}: ${p.message.replace(/\n/g, " ")}`);
    }
  }
  lines.push(`checked ${result.checked} file(s) in ${dir}: ${result.problems.length} problem(s)`);
  return lines.join("\n");
}
