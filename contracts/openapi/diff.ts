import { LEVEL_RANK } from "./catalogue/index.ts";
import type { Finding } from "./finding.ts";
import type { LoadedSpec } from "./load.ts";
import type { DiffContext } from "./operations/context.ts";
import { diffOperations } from "./operations/diff-operations.ts";
import { diffSecuritySchemes } from "./operations/security.ts";
import { SchemaComparer } from "./schema/comparer.ts";
import { Normaliser } from "./schema/normaliser.ts";
import { RawEquality } from "./schema/raw-equal.ts";

/**
 * Every difference between two OpenAPI descriptions that matters to clients, most severe first.
 * Pure: reads the two loaded documents, returns findings.
 */
export function diffSpecs(base: LoadedSpec, head: LoadedSpec): Finding[] {
  const ctx: DiffContext = {
    base,
    head,
    schemas: new SchemaComparer(
      new Normaliser(base.resolver),
      new Normaliser(head.resolver),
      new RawEquality(base.resolver, head.resolver),
    ),
    findings: [],
  };
  diffOperations(ctx);
  diffSecuritySchemes(ctx);
  return sortFindings(dedupe(ctx.findings));
}

/** One component change reached through several properties of one operation is reported once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (f.basePointer === undefined && f.headPointer === undefined) return true;
    const key = `${f.operation}\u0000${f.id}\u0000${f.basePointer ?? ""}\u0000${f.headPointer ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
      a.path.localeCompare(b.path) ||
      a.method.localeCompare(b.method) ||
      a.id.localeCompare(b.id) ||
      a.location.localeCompare(b.location),
  );
}
