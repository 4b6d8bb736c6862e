import { allText, firstUserText, systemText, toolNames, turnIndex } from "./conversation.ts";
import type { CountTokensRequest } from "./request.ts";
import type { Scenario, ScenarioMatch, ScenarioTurn } from "./scenario.ts";

export type Selection =
  | { kind: "turn"; scenario: Scenario; turn: number; script: ScenarioTurn }
  | { kind: "exhausted"; scenario: Scenario; turn: number }
  | { kind: "unmatched"; turn: number };

function test(pattern: string | RegExp | undefined, text: () => string): boolean {
  if (pattern === undefined) return true;
  const re = typeof pattern === "string" ? new RegExp(pattern) : pattern;
  re.lastIndex = 0;
  return re.test(text());
}

export function matches(rule: ScenarioMatch, req: CountTokensRequest): boolean {
  const offered = new Set(toolNames(req));
  return (
    test(rule.model, () => req.model) &&
    test(rule.system, () => systemText(req)) &&
    test(rule.firstUser, () => firstUserText(req)) &&
    test(rule.anyText, () => allText(req)) &&
    (rule.tools ?? []).every((t) => offered.has(t))
  );
}

/** A turn never calls a tool the request did not offer: that keeps side requests out. */
function toolsOffered(script: ScenarioTurn, req: CountTokensRequest): boolean {
  const offered = new Set(toolNames(req));
  return script.content.every((b) => b.type !== "tool_use" || offered.has(b.name));
}

/** The first scenario (in the order added) whose rules hold picks the turn; else unmatched. */
export function selectScenario(scenarios: readonly Scenario[], req: CountTokensRequest): Selection {
  const turn = turnIndex(req);
  for (const scenario of scenarios) {
    if (!matches(scenario.match, req)) continue;
    const script = scenario.turns[turn];
    if (!script) return { kind: "exhausted", scenario, turn };
    if (toolsOffered(script, req)) return { kind: "turn", scenario, turn, script };
  }
  return { kind: "unmatched", turn };
}
