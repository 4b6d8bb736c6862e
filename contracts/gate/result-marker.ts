/**
 * The machine-readable verdict the `havun/contracts` check run carries in its summary, for the
 * App's merge gate: `<!-- havun:contracts service=billing openapi=breaking pacts=verified -->`.
 */
export interface ContractsVerdict {
  service: string;
  /**
   * compatible: no finding at the fail level; breaking: at least one not accepted; accepted: every
   * one accepted on the pull request; new: no base to compare.
   */
  openapi: "compatible" | "breaking" | "accepted" | "new" | "skipped" | "error";
  /** verified: every consumer's pact passed; broken: one failed; none: no pacts published. */
  pacts: "verified" | "broken" | "none" | "skipped" | "error";
  /**
   * The change ids of the breaking changes not accepted (with `openapi=breaking`), so the merge
   * gate can tell whether acceptances made later cover them all. `["many"]` when there are more
   * than {@link MAX_LISTED} (too many to accept one by one).
   */
  changes?: string[];
}

export const OPENAPI_STATUSES = [
  "compatible",
  "breaking",
  "accepted",
  "new",
  "skipped",
  "error",
] as const;
export const PACT_STATUSES = ["verified", "broken", "none", "skipped", "error"] as const;
const PATTERN = /<!-- havun:contracts ((?:[a-z]+=[^\s=]+ ?)+)-->/g;
/** At most this many change ids are listed in the marker. */
export const MAX_LISTED = 200;

export function renderVerdict(v: ContractsVerdict): string {
  const changes = v.changes?.length
    ? ` changes=${v.changes.length > MAX_LISTED ? "many" : v.changes.join(",")}`
    : "";
  return `<!-- havun:contracts service=${v.service} openapi=${v.openapi} pacts=${v.pacts}${changes} -->`;
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
    if (!fields.service || !openapi || !pacts) continue;
    const v: ContractsVerdict = { service: fields.service, openapi, pacts };
    if (fields.changes) v.changes = fields.changes.split(",").filter(Boolean);
    out.push(v);
  }
  return out;
}
