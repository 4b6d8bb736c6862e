import { parseSpecBlock } from "../spec/spec-block.ts";
import type { GateTask } from "./gate-inputs.ts";
import type { GatePullNode, GateTaskNode } from "./gate-query.ts";

/** The orchestration's tasks (the hub issue's App-written sub-issues) with whether each is done. */
export function siblingTasks(
  nodes: (GateTaskNode & { closedByPullRequestsReferences: { nodes: GatePullNode[] } })[],
  hub: string,
  hubIssue: number,
  isApp: (n: GateTaskNode) => boolean,
): GateTask[] {
  const out = new Map<string, GateTask>();
  for (const n of nodes) {
    const parsed = parseSpecBlock(n.body);
    if (!parsed || !("spec" in parsed) || !parsed.digestOk || !isApp(n)) continue;
    const { spec } = parsed;
    if (spec.hub.toLowerCase() !== hub.toLowerCase() || spec.hub_issue !== hubIssue) continue;
    if (n.state === "CLOSED" && n.stateReason === "DUPLICATE") continue;
    if (out.has(spec.task.id)) continue;
    out.set(spec.task.id, {
      id: spec.task.id,
      title: spec.task.title,
      issueUrl: n.url,
      contracts: spec.task.contracts,
      dependencies: spec.task.dependencies,
      openPulls: n.closedByPullRequestsReferences.nodes
        .filter((p) => p.state === "OPEN")
        .map((p) => ({ repo: p.repository.nameWithOwner, number: p.number })),
      ...doneState(n),
    });
  }
  return [...out.values()];
}

/** Done as the orchestrator counts it: a merged pull request, or the sub-issue closed as completed. */
function doneState(
  n: GateTaskNode & { closedByPullRequestsReferences: { nodes: GatePullNode[] } },
): { done: boolean; state: string } {
  const pulls = n.closedByPullRequestsReferences.nodes;
  const ref = (p: GatePullNode) => `[${p.repository.nameWithOwner}#${p.number}](${p.url})`;
  const merged = pulls.find((p) => p.state === "MERGED");
  if (merged) return { done: true, state: `merged in ${ref(merged)}` };
  if (n.state === "CLOSED")
    return n.stateReason === "NOT_PLANNED"
      ? { done: false, state: "it was cancelled (closed as not planned)" }
      : { done: true, state: "its sub-issue was closed as completed" };
  const open = pulls.filter((p) => p.state === "OPEN");
  if (open.length)
    return {
      done: false,
      state: `its pull request ${open.map(ref).join(", ")} is not merged yet`,
    };
  return { done: false, state: "it has no pull request yet" };
}
