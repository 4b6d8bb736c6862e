import { agentBranch } from "../spec/agent-pull.ts";
import { authenticSpec } from "../spec/spec-block.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import type { GateTask } from "./gate-inputs.ts";
import type { ActorNode, GatePullNode, SiblingNode } from "./gate-query.ts";

/** Whether a GraphQL actor is the App's bot (GraphQL names a bot by its App's slug). */
export const isAppActor = (a: ActorNode | null, appSlug: string) =>
  a?.__typename === "Bot" && (a.login === appSlug || a.login === `${appSlug}[bot]`);

/** A task's own pull request: its branch, in its repository, opened by the App's bot. */
export function isOwnPullNode(p: GatePullNode, spec: TaskSpec, issueRepo: string, appSlug: string) {
  return (
    !p.isCrossRepository &&
    p.repository.nameWithOwner.toLowerCase() === issueRepo.toLowerCase() &&
    p.headRefName === agentBranch(spec) &&
    isAppActor(p.author, appSlug)
  );
}

/**
 * The orchestration's tasks (the hub issue's sub-issues the App wrote and signed) with whether
 * each is done, counted as the orchestrator counts it: only the task's own pull request makes it
 * done by merging.
 */
export function siblingTasks(
  nodes: SiblingNode[],
  hub: string,
  hubIssue: number,
  appSlug: string,
  signer: MarkerSigner,
): GateTask[] {
  const out = new Map<string, GateTask>();
  for (const n of nodes) {
    const spec = isAppActor(n.author, appSlug) ? authenticSpec(n.body, signer) : null;
    if (!spec) continue;
    if (spec.hub.toLowerCase() !== hub.toLowerCase() || spec.hub_issue !== hubIssue) continue;
    if (n.state === "CLOSED" && n.stateReason === "DUPLICATE") continue;
    if (out.has(spec.task.id)) continue;
    const repo = n.repository.nameWithOwner;
    const own = n.closedByPullRequestsReferences.nodes.filter((p) =>
      isOwnPullNode(p, spec, repo, appSlug),
    );
    out.set(spec.task.id, {
      id: spec.task.id,
      title: spec.task.title,
      issueUrl: n.url,
      contracts: spec.task.contracts,
      dependencies: spec.task.dependencies,
      openPulls: own
        .filter((p) => p.state === "OPEN")
        .map((p) => ({ repo: p.repository.nameWithOwner, number: p.number })),
      ...doneState(n, own),
    });
  }
  return [...out.values()];
}

/**
 * Done: its own pull request merged, or its sub-issue closed as completed by hand (closed by
 * another pull request's merge or by a commit's closing keyword, it is not done: HavunCore
 * reopens it).
 */
function doneState(n: SiblingNode, own: GatePullNode[]): { done: boolean; state: string } {
  const ref = (p: GatePullNode) => `[${p.repository.nameWithOwner}#${p.number}](${p.url})`;
  const merged = own.find((p) => p.state === "MERGED");
  if (merged) return { done: true, state: `merged in ${ref(merged)}` };
  if (n.state === "CLOSED") {
    if (n.stateReason === "NOT_PLANNED")
      return { done: false, state: "it was cancelled (closed as not planned)" };
    const closer = n.timelineItems.nodes.at(-1)?.closer;
    if (closer?.__typename === "PullRequest")
      return {
        done: false,
        state: `its sub-issue was closed by the merge of ${closer.repository?.nameWithOwner ?? ""}#${closer.number ?? "?"}, which is not the task's pull request`,
      };
    if (closer?.__typename === "Commit")
      return {
        done: false,
        state: "its sub-issue was closed by a commit, not by its pull request",
      };
    return { done: true, state: "its sub-issue was closed as completed" };
  }
  const open = own.filter((p) => p.state === "OPEN");
  if (open.length)
    return {
      done: false,
      state: `its pull request ${open.map(ref).join(", ")} is not merged yet`,
    };
  return { done: false, state: "it has no pull request yet" };
}
