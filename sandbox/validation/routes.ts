import type { SpecOperation } from "./spec.ts";

/** Parameters that GitHub lets span several path segments. */
const GREEDY = new Set(["path", "ref", "branch"]);

interface CompiledRoute {
  op: SpecOperation;
  regex: RegExp;
  names: string[];
  literals: number;
}

export interface RouteMatch {
  op: SpecOperation;
  params: Record<string, string>;
}

/** Matches `METHOD /path` to GitHub's documented operations, most specific first. */
export class RouteTable {
  private readonly byMethod = new Map<string, CompiledRoute[]>();

  constructor(operations: SpecOperation[]) {
    for (const op of operations) {
      const names: string[] = [];
      let literals = 0;
      const pattern = op.path
        .split("/")
        .map((seg) => {
          const m = /^\{(\w+)\}$/.exec(seg);
          if (!m?.[1]) {
            literals++;
            return seg
              .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
              .replace(/\\\{(\w+)\\\}/g, (_all, n: string) => {
                names.push(n);
                return "([^/]+?)";
              });
          }
          names.push(m[1]);
          return GREEDY.has(m[1]) ? "(.+?)" : "([^/]+)";
        })
        .join("/");
      // GitHub serves a repository's root listing at `/contents` too: the final {path} may be empty.
      const optionalTail = pattern.endsWith("/(.+?)") && names.at(-1) === "path";
      const regex = optionalTail
        ? `^${pattern.slice(0, -"/(.+?)".length)}(?:/(.*?))?/?$`
        : `^${pattern}/?$`;
      const list = this.byMethod.get(op.method) ?? [];
      list.push({ op, regex: new RegExp(regex), names, literals });
      this.byMethod.set(op.method, list);
    }
    for (const list of this.byMethod.values()) list.sort((a, b) => b.literals - a.literals);
  }

  match(method: string, path: string): RouteMatch | null {
    for (const r of this.byMethod.get(method) ?? []) {
      const m = r.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] ?? "")));
      return { op: r.op, params };
    }
    return null;
  }

  /** True when some other method serves this path (GitHub answers 404 either way). */
  pathKnown(path: string): boolean {
    return [...this.byMethod.keys()].some((m) => this.match(m, path) !== null);
  }
}
