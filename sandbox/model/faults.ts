import type { FaultRule } from "./fault-rule.ts";

export interface FaultContext {
  endpoint: "messages" | "count_tokens";
  scenario: string | null;
  turn: number | null;
  /** The model the request asks for, when known. */
  model?: string | null;
}

/** mulberry32: a small seeded generator so rate-based fault runs repeat. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function applies(rule: FaultRule, ctx: FaultContext): boolean {
  if ((rule.endpoint ?? "messages") !== ctx.endpoint) return false;
  if (rule.unmatched !== undefined && rule.unmatched !== (ctx.scenario === null)) return false;
  if (rule.scenario !== undefined && rule.scenario !== ctx.scenario) return false;
  if (rule.model !== undefined && rule.model !== ctx.model) return false;
  return rule.turn === undefined || rule.turn === ctx.turn;
}

/** Decides which requests fail: the first rule that applies, has times left and wins its roll. */
export class ModelFaults {
  private rules: FaultRule[] = [];
  private readonly fired = new Map<FaultRule, number>();
  private random: () => number;

  constructor(
    rules: readonly FaultRule[] = [],
    private readonly seed = 42,
  ) {
    this.random = seeded(seed);
    this.add(rules);
  }

  add(rules: readonly FaultRule[], scenario?: string): void {
    for (const r of rules) this.rules.push(scenario ? { ...r, scenario } : r);
  }

  decide(ctx: FaultContext): FaultRule | null {
    for (const rule of this.rules) {
      if (!applies(rule, ctx)) continue;
      const fired = this.fired.get(rule) ?? 0;
      if (rule.times !== undefined && fired >= rule.times) continue;
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      this.fired.set(rule, fired + 1);
      return rule;
    }
    return null;
  }

  /** How often each rule fired, in the order added. */
  counts(): Array<{ rule: FaultRule; fired: number }> {
    return this.rules.map((rule) => ({ rule, fired: this.fired.get(rule) ?? 0 }));
  }

  /** Forgets what fired (times count again from zero); `keep` rules stay, the rest go. */
  reset(keep: readonly FaultRule[]): void {
    this.fired.clear();
    this.rules = [...keep];
    this.random = seeded(this.seed);
  }
}
