import type { Finding } from "../openapi/finding.ts";
import type { PactInteraction } from "../pact/interactions.ts";

/** One breaking change and the consumers whose pacts exercise what it touches. */
export interface ChangeImpact {
  changeId: string;
  /** The first finding of the change (rule, location, detail). */
  finding: Finding;
  /** `GET /invoices/{id}` for every operation the change reaches. */
  operations: string[];
  /** Per consumer (by name), the interactions (sorted) that call one of those operations. */
  consumers: { consumer: string; interactions: string[] }[];
}

/**
 * For each breaking change, who breaks: the pact interactions whose request (method and path)
 * is one of the operations the change reaches. Paths match the operation's template (`{id}`
 * matches one segment), also under a server URL's base path (`/v1`). A change to the whole
 * document (a security scheme) reaches every interaction; a webhook's, none (pacts record calls
 * to the API).
 */
export function consumerImpact(
  breaking: readonly Finding[],
  interactions: readonly PactInteraction[],
  basePaths: readonly string[] = [],
): ChangeImpact[] {
  const byChange = new Map<string, ChangeImpact>();
  const matchers = new Map<string, (i: PactInteraction) => boolean>();
  for (const f of breaking) {
    let row = byChange.get(f.changeId);
    if (!row)
      byChange.set(
        f.changeId,
        (row = { changeId: f.changeId, finding: f, operations: [], consumers: [] }),
      );
    const op = f.method ? `${f.method} ${f.path}` : "";
    if (op && !row.operations.includes(op)) row.operations.push(op);
    const key = op || "*";
    let matches = matchers.get(key);
    if (!matches) matchers.set(key, (matches = matcher(f, basePaths)));
    for (const i of interactions) if (matches(i)) add(row, i);
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const row of byChange.values()) {
    row.consumers.sort((a, b) => byName(a.consumer, b.consumer));
    for (const c of row.consumers) c.interactions.sort(byName);
  }
  return [...byChange.values()];
}

function add(row: ChangeImpact, i: PactInteraction): void {
  let c = row.consumers.find((x) => x.consumer === i.consumer);
  if (!c) row.consumers.push((c = { consumer: i.consumer, interactions: [] }));
  if (!c.interactions.includes(i.description)) c.interactions.push(i.description);
}

function matcher(f: Finding, basePaths: readonly string[]): (i: PactInteraction) => boolean {
  if (!f.method) return () => true;
  if (f.path.startsWith("webhook ")) return () => false;
  const template = templatePattern(f.path);
  const prefixes = ["", ...basePaths.filter((p) => p !== "" && p !== "/")];
  const patterns = prefixes.map(
    (p) => new RegExp(`^${escape(p.replace(/\/$/, ""))}${template}/?$`),
  );
  return (i) => i.method === f.method && patterns.some((p) => p.test(decoded(i.path)));
}

/** `/invoices/{id}/lines` → a pattern where each `{…}` is one path segment. */
export function templatePattern(path: string): string {
  return path
    .split(/\{[^}/]*\}/)
    .map(escape)
    .join("[^/]+");
}

export const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function decoded(path: string): string {
  try {
    return decodeURI(path.split("?")[0] ?? path);
  } catch {
    return path;
  }
}

/** The base paths of a description's servers (`https://api.example.com/v1` → `/v1`). */
export function serverBasePaths(doc: Record<string, unknown>): string[] {
  const servers = Array.isArray(doc["servers"]) ? doc["servers"] : [];
  const out = new Set<string>();
  for (const s of servers) {
    const url = typeof s === "object" && s !== null ? (s as { url?: unknown }).url : undefined;
    if (typeof url !== "string") continue;
    const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/\{[^}]*\}/g, "");
    if (path.startsWith("/")) out.add(path.replace(/\/$/, ""));
  }
  return [...out];
}
