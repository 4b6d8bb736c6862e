/**
 * The machine-readable verdict the `havun/contracts` check run carries in its summary, for the
 * App's merge gate: `<!-- havun:contracts service=billing openapi=breaking pacts=verified -->`.
 */
export interface ContractsVerdict {
  service: string;
  /** compatible: no finding at the fail level; breaking: at least one; new: no base to compare. */
  openapi: "compatible" | "breaking" | "new" | "skipped" | "error";
  /** verified: every consumer's pact passed; broken: one failed; none: no pacts published. */
  pacts: "verified" | "broken" | "none" | "skipped" | "error";
}

export const OPENAPI_STATUSES = ["compatible", "breaking", "new", "skipped", "error"] as const;
export const PACT_STATUSES = ["verified", "broken", "none", "skipped", "error"] as const;
const PATTERN = /<!-- havun:contracts ((?:[a-z]+=[^\s=]+ ?)+)-->/g;

export function renderVerdict(v: ContractsVerdict): string {
  return `<!-- havun:contracts service=${v.service} openapi=${v.openapi} pacts=${v.pacts} -->`;
}

/** The verdicts in a check run summary (one per service); [] when it carries none. */
export function readVerdicts(summary: string | null | undefined): ContractsVerdict[] {
  const out: ContractsVerdict[] = [];
  for (const m of (summary ?? "").matchAll(PATTERN)) {
    const fields = Object.fromEntries(
      (m[1] ?? "")
        .trim()
        .split(/\s+/)
        .map((kv) => kv.split("=") as [string, string]),
    );
    const openapi = OPENAPI_STATUSES.find((x) => x === fields.openapi);
    const pacts = PACT_STATUSES.find((x) => x === fields.pacts);
    if (fields.service && openapi && pacts) out.push({ service: fields.service, openapi, pacts });
  }
  return out;
}
