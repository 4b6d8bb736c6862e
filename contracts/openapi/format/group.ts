import { LEVEL_RANK, type Level } from "../catalogue/index.ts";
import type { Finding } from "../finding.ts";

/**
 * Findings that are the same change (one rule at one place in the document, reached by many
 * operations or along several property paths) are reported once, with the first one's wording.
 */
export interface FindingGroup {
  first: Finding;
  /** `GET /pets/{petId}` for every operation the change reaches. */
  operations: string[];
}

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = f.changeId || `${f.id}\u0000${f.doc}\u0000${f.pointer}\u0000${f.detail}`;
    const op = displayOperation(f);
    const g = groups.get(key);
    if (g) {
      if (op && !g.operations.includes(op)) g.operations.push(op);
    } else groups.set(key, { first: f, operations: op ? [op] : [] });
  }
  return [...groups.values()].sort((a, b) => LEVEL_RANK[b.first.level] - LEVEL_RANK[a.first.level]);
}

export function displayOperation(f: Finding): string {
  return f.method ? `${f.method} ${f.path}` : "";
}

export function listOperations(ops: readonly string[], max = 3): string {
  if (ops.length === 0) return "(whole document)";
  const shown = ops.slice(0, max).join(", ");
  return ops.length > max ? `${shown} and ${ops.length - max} more` : shown;
}

export interface Summary {
  ERR: number;
  WARN: number;
  INFO: number;
  operations: number;
}

export function summarise(findings: readonly Finding[]): Summary {
  const s: Summary = { ERR: 0, WARN: 0, INFO: 0, operations: 0 };
  const ops = new Set<string>();
  for (const f of findings) {
    s[f.level]++;
    if (f.operation) ops.add(f.operation);
  }
  s.operations = ops.size;
  return s;
}

export function summaryLine(s: Summary): string {
  const total = s.ERR + s.WARN + s.INFO;
  if (total === 0) return "No differences that matter to clients.";
  const ops = s.operations === 1 ? "1 operation" : `${s.operations} operations`;
  return `${s.ERR} breaking (ERR), ${s.WARN} possibly breaking (WARN), ${s.INFO} compatible (INFO) across ${ops}`;
}

export const LEVEL_TITLES: Record<Level, string> = {
  ERR: "Breaking",
  WARN: "Possibly breaking",
  INFO: "Compatible",
};
