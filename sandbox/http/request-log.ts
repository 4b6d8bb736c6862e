/** Counts what clients ask of the sandbox, per route and per client, for tests and benchmarks. */
export interface RequestLogEntry {
  method: string;
  route: string;
  client: string;
  status: number;
  ms: number;
  validationMs: number;
  /** When the request finished (ms since the epoch). */
  at?: number;
  /** The path as requested, for requests that matched no documented route. */
  path?: string;
  /** Made with an installation token minted for named repositories only (a workflow's job). */
  scoped?: boolean;
  /** Made with a workflow's GITHUB_TOKEN: the run's workflow file. */
  workflow?: string;
  /** GraphQL: the operation's name (or its type and first field). */
  operation?: string;
  /** A fault injected into this request (502, timeout, secondary rate limit). */
  fault?: "502" | "timeout" | "secondary";
}

export interface RequestCounts {
  requests: number;
  /** Conditional requests answered 304 Not Modified: GitHub does not charge them. */
  notModified: number;
  byRoute: Record<string, number>;
  byClient: Record<string, number>;
  validationMs: number;
  handlingMs: number;
}

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push({ ...entry, at: Date.now() });
  }

  /** Counts since `from` (an index returned by `mark()`), optionally for one client. */
  counts(from = 0, client?: string): RequestCounts {
    const out: RequestCounts = {
      requests: 0,
      notModified: 0,
      byRoute: {},
      byClient: {},
      validationMs: 0,
      handlingMs: 0,
    };
    for (const e of this.entries.slice(from)) {
      if (client && e.client !== client) continue;
      out.requests++;
      if (e.status === 304) out.notModified++;
      const key = `${e.method} ${e.route}`;
      out.byRoute[key] = (out.byRoute[key] ?? 0) + 1;
      out.byClient[e.client] = (out.byClient[e.client] ?? 0) + 1;
      out.validationMs += e.validationMs;
      out.handlingMs += e.ms;
    }
    return out;
  }

  mark(): number {
    return this.entries.length;
  }
}
