import { plannerUsd } from "../core/budget.ts";
import type { PlannerCost } from "../core/state.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";

const data = (hub: string, c: PlannerCost) =>
  `${hub.toLowerCase()}\n${c.key}\n${c.usd.toFixed(4)}\n${c.inputTokens}\n${c.outputTokens}`;

/**
 * What one planning cost, in the App's plan comment (or its comment saying planning failed):
 * `<!-- havun:planner-cost hub=o/r#1 key=plan usd=0.0123 in=1200 out=800 sig=… -->`, signed so
 * that only the App's figure counts against the budget.
 */
export function renderPlannerCost(hub: string, c: PlannerCost, signer: MarkerSigner): string {
  const h = hub.toLowerCase();
  return `<!-- havun:planner-cost hub=${h} key=${c.key} usd=${c.usd.toFixed(4)} in=${c.inputTokens} out=${c.outputTokens} sig=${signer.sign("planner-cost", data(h, c))} -->`;
}

const MARKER =
  /<!-- havun:planner-cost hub=([a-z0-9_.-]+\/[a-z0-9_.-]+#\d+) key=([A-Za-z0-9_-]{1,80}) usd=(\d+\.\d{4}) in=(\d+) out=(\d+) sig=([A-Za-z0-9_-]{43}) -->/g;

/**
 * The planning costs in the App's comments on `hub` (`owner/repo#N`): signed for this hub issue,
 * one per key (a copy counts once); anything else is ignored.
 */
export function readPlannerCosts(
  bodies: string[],
  hub: string,
  signer: MarkerSigner,
): PlannerCost[] {
  const out = new Map<string, PlannerCost>();
  for (const body of bodies)
    for (const m of body.slice(0, 65_536).matchAll(MARKER)) {
      if (m[1] !== hub.toLowerCase()) continue;
      const c: PlannerCost = {
        key: m[2]!,
        usd: Number(m[3]),
        inputTokens: Number(m[4]),
        outputTokens: Number(m[5]),
      };
      if (signer.verify("planner-cost", data(m[1], c), m[6]!)) out.set(c.key, c);
    }
  return [...out.values()];
}

/** The signed marker of one planning's usage, priced with the hub config's planner price. */
export function plannerCostMarker(o: {
  hub: string;
  number: number;
  key: string;
  usage: {
    inputTokens: number;
    outputTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
  };
  price: { input: number; output: number };
  signer: MarkerSigner;
}): string {
  const u = o.usage;
  return renderPlannerCost(
    `${o.hub}#${o.number}`,
    {
      key: o.key.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 80),
      usd: plannerUsd(u, o.price),
      inputTokens: u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens,
      outputTokens: u.outputTokens,
    },
    o.signer,
  );
}
