/**
 * Fault injection: a seeded share of requests per route answer 502, hang until timeout, or meet a
 * secondary rate limit (403 with `retry-after`). REST routes are `METHOD /documented/path`,
 * GraphQL is `POST /graphql`, git is `git upload-pack` / `git receive-pack`.
 */
export interface FaultRule {
  /** `METHOD /documented/path/{param}`, a prefix of it, or `*`. */
  route: string;
  rate502?: number;
  rateTimeout?: number;
  /** A secondary rate limit (REST and GraphQL; git answers these as 502s). */
  rateSecondary?: number;
}

export interface FaultOptions {
  rules: FaultRule[];
  seed?: number;
  /** How long a "timeout" fault holds the request before dropping the connection. */
  timeoutMs?: number;
}

export type Fault = "502" | "timeout" | "secondary" | null;

export class FaultInjector {
  private state: number;

  constructor(private readonly options: FaultOptions | undefined) {
    this.state = options?.seed ?? 42;
  }

  /** mulberry32: a small deterministic generator so fault runs repeat. */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  decide(route: string): Fault {
    const rule = this.options?.rules.find((r) => r.route === "*" || route.startsWith(r.route));
    if (!rule) return null;
    const roll = this.random();
    let edge = rule.rate502 ?? 0;
    if (roll < edge) return "502";
    if (roll < (edge += rule.rateTimeout ?? 0)) return "timeout";
    if (roll < (edge += rule.rateSecondary ?? 0)) return "secondary";
    return null;
  }

  /** One rate spread evenly over the three faults on every route (`havun demo --faults`). */
  static everywhere(rate: number, seed = 42, timeoutMs = 1_000): FaultOptions {
    const each = rate / 3;
    return {
      seed,
      timeoutMs,
      rules: [{ route: "*", rate502: each, rateTimeout: each, rateSecondary: each }],
    };
  }

  get timeoutMs(): number {
    return this.options?.timeoutMs ?? 15_000;
  }
}
