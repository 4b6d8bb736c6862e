/**
 * What one fix round costs: the demo's world run to the API task's finished pull request twice,
 * side by side — once with an agent whose first push passes CI, once with one whose first push
 * fails and is fixed in a round — counting GitHub requests (the sandbox's request log, by client)
 * and model requests and tokens (the scripted model's recorder). The difference is the round.
 * Run: npx tsx bench/fix-round.ts
 */
import { demoScenarios } from "../cli/demo/scenarios.ts";
import { settle } from "../cli/demo/settle.ts";
import { startWorld } from "../cli/demo/world.ts";
import type { ScenarioInput } from "../sandbox/model/index.ts";
import { orchestrateAndApprove } from "../test/security/orchestrate.ts";
import { brokenApi, fixApi } from "../test/rounds/scenarios.ts";

async function measure(scenarios: ScenarioInput[]) {
  const w = await startWorld({ scenarios, secretValue: "sk_live_bench_round" });
  try {
    const started = Date.now();
    await orchestrateAndApprove(w);
    await settle(w);
    const gh = w.sb.log.counts();
    const m = w.model.recorder.summary();
    return {
      seconds: (Date.now() - started) / 1000,
      github: gh.requests,
      byClient: gh.byClient,
      modelRequests: m.requests,
      tokens: m.inputTokens + m.cacheReadTokens + m.cacheWriteTokens + m.outputTokens,
      outputTokens: m.outputTokens,
    };
  } finally {
    await w.stop();
  }
}

const clean = await measure(demoScenarios());
const fixed = await measure([fixApi(), brokenApi(), ...demoScenarios()]);
const row = (name: string, r: typeof clean) =>
  `${name.padEnd(22)} ${String(r.github).padStart(7)} ${String(r.modelRequests).padStart(9)} ${String(r.tokens).padStart(10)} ${String(r.outputTokens).padStart(8)} ${r.seconds.toFixed(1).padStart(7)} s`;
console.log(
  `${"run".padEnd(22)} ${"GitHub".padStart(7)} ${"model req".padStart(9)} ${"tokens".padStart(10)} ${"output".padStart(8)} ${"wall".padStart(9)}`,
);
console.log(row("no fix round", clean));
console.log(row("one fix round (checks)", fixed));
console.log(
  `one fix round adds ${fixed.github - clean.github} GitHub requests, ${fixed.modelRequests - clean.modelRequests} model requests, ${fixed.tokens - clean.tokens} tokens (${fixed.outputTokens - clean.outputTokens} output)`,
);
console.log("by client, no round:", JSON.stringify(clean.byClient));
console.log("by client, one round:", JSON.stringify(fixed.byClient));
