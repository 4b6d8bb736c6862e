import { LEVEL_RANK, type Level } from "./catalogue/index.ts";
import { diffSpecs } from "./diff.ts";
import type { Finding } from "./finding.ts";
import { formatFindings, type Format } from "./format/index.ts";
import { loadSpec } from "./load.ts";

export interface CheckOptions {
  base: string;
  head: string;
  format?: Format;
  /** The lowest level that fails the check (default ERR). */
  failOn?: Level;
  allowExternalRefs?: boolean;
  cwd?: string;
}

export interface CheckResult {
  findings: Finding[];
  output: string;
  /** True when a finding at or above `failOn` exists: the merge gate stays shut. */
  failed: boolean;
}

/** The contract check the CLI and the merge gate run: load both, diff, format, decide. */
export async function checkContract(options: CheckOptions): Promise<CheckResult> {
  const load = {
    cwd: options.cwd ?? process.cwd(),
    allowExternalRefs: options.allowExternalRefs ?? false,
  };
  const [base, head] = await Promise.all([
    loadSpec(options.base, load),
    loadSpec(options.head, load),
  ]);
  const findings = diffSpecs(base, head);
  const threshold = LEVEL_RANK[options.failOn ?? "ERR"];
  return {
    findings,
    output: formatFindings(findings, options.format ?? "text", base, head),
    failed: findings.some((f) => LEVEL_RANK[f.level] >= threshold),
  };
}
