import { LEVEL_RANK } from "./catalogue/index.ts";
import { changeIdOf } from "./change-id.ts";
import type { Finding } from "./finding.ts";
import type { LoadedSpec } from "./load.ts";
import type { DiffContext } from "./operations/context.ts";
import { diffOperations } from "./operations/diff-operations.ts";
import { diffSecuritySchemes } from "./operations/security.ts";
import { diffWebhooks } from "./operations/webhooks.ts";
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
  diffWebhooks(ctx);
  diffSecuritySchemes(ctx);
  const findings = dedupe(ctx.findings);
  // A component change reached by hundreds of operations is hashed once.
  const ids = new Map<string, string>();
  for (const f of findings) {
    const key = `${f.id}\u0000${f.basePointer ?? "-"}\u0000${f.headPointer ?? "-"}\u0000${f.detail}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = changeIdOf(f, base.doc, head.doc)));
    f.changeId = id;
  }
  return sortFindings(findings);
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

/** Most severe first, then by path, method, rule and location (code-point order: fast, stable). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
      order(a.path, b.path) ||
      order(a.method, b.method) ||
      order(a.id, b.id) ||
      order(a.location, b.location),
  );
}

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
