/** Fault injection: a seeded share of requests per route answer 502 or hang until timeout. */
export interface FaultRule {
  /** `METHOD /documented/path/{param}`, a prefix of it, or `*`. */
  route: string;
  rate502?: number;
  rateTimeout?: number;
}

export interface FaultOptions {
  rules: FaultRule[];
  seed?: number;
  /** How long a "timeout" fault holds the request before dropping the connection. */
  timeoutMs?: number;
}

export type Fault = "502" | "timeout" | null;

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
    if (roll < (rule.rate502 ?? 0)) return "502";
    if (roll < (rule.rate502 ?? 0) + (rule.rateTimeout ?? 0)) return "timeout";
    return null;
  }

  get timeoutMs(): number {
    return this.options?.timeoutMs ?? 15_000;
  }
}
