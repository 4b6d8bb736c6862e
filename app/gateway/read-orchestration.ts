import type { GitHubClient } from "./client.ts";
import { readControl } from "../core/control.ts";
import type { ClosedBy, OrchestrationState, PullView, SubIssueView } from "../core/state.ts";
import { agentBranch, readCostMarkers } from "../spec/agent-pull.ts";
import { findMarkers } from "../spec/markers.ts";
import { parseSpecBlock } from "../spec/spec-block.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import { readPlanFromComments } from "./plan-store.ts";
import {
  COMMENTS_BY_ID_QUERY,
  ORCHESTRATION_QUERY,
  type ClosedEventNode,
  type CommentNode,
  type OrchestrationQueryResult,
  type PullNode,
  type SubIssueNode,
} from "./orchestration-query.ts";

type Graphql = GitHubClient["graphql"];

export interface ReadOptions {
  appSlug: string;
  /** The App's signer; VIEW_ONLY_SIGNER for views without the App's key. */
  signer: MarkerSigner;
}

const botLogin = (slug: string) => `${slug}[bot]`;

/**
 * A task's own pull request: the branch the publish job pushes for this task, in the task's
 * repository (no fork), opened by the App's bot. Only it can make the task done.
 */
export function isOwnPull(
  p: Pick<PullNode, "headRefName" | "isCrossRepository" | "author" | "repository">,
  sub: { repo: string; spec: TaskSpec | null },
  appSlug: string,
): boolean {
  return (
    sub.spec !== null &&
    !p.isCrossRepository &&
    p.repository.nameWithOwner.toLowerCase() === sub.repo.toLowerCase() &&
    p.headRefName === agentBranch(sub.spec) &&
    // A person whose login looks like the App's is not the App: its author must be a Bot.
    p.author?.__typename === "Bot" &&
    (p.author.login === botLogin(appSlug) || p.author.login === appSlug)
  );
}

function closedByOf(nodes: ClosedEventNode[]): ClosedBy | null {
  const event = nodes.at(-1);
  if (!event) return null;
  const closer = event.closer;
  const pull =
    closer && closer.__typename === "PullRequest" && "number" in closer
      ? {
          repo: closer.repository.nameWithOwner,
          number: closer.number,
          url: closer.url,
          author: closer.author?.login ?? "ghost",
        }
      : null;
  const commit = closer && closer.__typename === "Commit" && "oid" in closer ? closer.oid : null;
  return { actor: event.actor?.login ?? null, pull, commit };
}

function subIssueView(s: SubIssueNode, o: ReadOptions): SubIssueView {
  const isApp = (login: string | undefined) => login === o.appSlug || login === botLogin(o.appSlug);
  const parsed = parseSpecBlock(s.body, o.signer);
  const spec = parsed && "spec" in parsed && parsed.authentic ? parsed.spec : null;
  const repo = s.repository.nameWithOwner;
  const ref = `${repo}#${s.number}`;
  const pulls: PullView[] = s.closedByPullRequestsReferences.nodes.map((p) => ({
    repo: p.repository.nameWithOwner,
    number: p.number,
    url: p.url,
    state: p.state,
    author: p.author?.login ?? "ghost",
    headRef: p.headRefName,
    own: isOwnPull(p, { repo, spec }, o.appSlug),
  }));
  let cost: number | null = null;
  for (const p of s.closedByPullRequestsReferences.nodes) {
    if (!isOwnPull(p, { repo, spec }, o.appSlug)) continue;
    for (const c of readCostMarkers(p.body, ref, o.signer)) cost = (cost ?? 0) + c.usd;
  }
  return {
    repo,
    number: s.number,
    id: s.databaseId,
    nodeId: s.id,
    url: s.url,
    state: s.state === "OPEN" ? "open" : "closed",
    stateReason: s.stateReason ? s.stateReason.toLowerCase() : null,
    labels: s.labels.nodes.map((l) => l.name),
    body: s.body,
    spec: spec && spec.task.repo.toLowerCase() === repo.toLowerCase() ? spec : null,
    byApp: isApp(s.author?.login),
    createdAt: s.createdAt,
    pulls,
    blockedBy: [],
    costUsd: cost,
    closedBy: s.state === "OPEN" ? null : closedByOf(s.timelineItems.nodes),
  };
}

/**
 * Reads one orchestration with a single GraphQL request (a second one only when a plan comment
 * the control state records fell outside the comment windows). Null when the hub issue does not
 * exist.
 */
export async function readOrchestration(
  graphql: Graphql,
  hub: string,
  number: number,
  o: ReadOptions,
): Promise<OrchestrationState | null> {
  const [owner = "", name = ""] = hub.split("/");
  const data = await graphql<OrchestrationQueryResult>(ORCHESTRATION_QUERY, {
    owner,
    name,
    number,
  });
  const issue = data.repository?.issue;
  if (!issue) return null;
  const isApp = (login: string | undefined) => login === o.appSlug || login === botLogin(o.appSlug);
  const control = readControl(issue.body, o.signer);
  const seen = new Map<string, CommentNode>();
  for (const c of [...issue.firstComments.nodes, ...issue.lastComments.nodes]) seen.set(c.id, c);
  const missing = control.planComments.filter((id) => !seen.has(id));
  if (missing.length) {
    const more = await graphql<{ nodes: (CommentNode | null)[] }>(COMMENTS_BY_ID_QUERY, {
      ids: missing,
    });
    for (const c of more.nodes) if (c?.id) seen.set(c.id, c);
  }
  const appComments = [...seen.values()]
    .filter((c) => isApp(c.author?.login))
    .sort((a, b) => a.databaseId - b.databaseId);
  const planComments = appComments
    .filter((c) => readPlanFromComments([c.body]) !== null)
    .map((c) => c.id);
  return {
    hub: {
      repo: hub,
      number: issue.number,
      id: issue.databaseId,
      nodeId: issue.id,
      title: issue.title,
      url: issue.url,
      body: issue.body,
      state: issue.state === "OPEN" ? "open" : "closed",
      author: issue.author?.login ?? "ghost",
      createdAt: issue.createdAt,
      closedBy: issue.state === "OPEN" ? null : closedByOf(issue.timelineItems.nodes),
    },
    control,
    plan: readPlanFromComments(appComments.map((c) => c.body)),
    subIssues: issue.subIssues.nodes.map((s) => subIssueView(s, o)),
    commentKeys: appComments.flatMap((c) =>
      findMarkers(c.body, "comment").map((m) => m.fields.key ?? m.key),
    ),
    appComments: appComments.flatMap((c) =>
      findMarkers(c.body, "comment").map((m) => ({ id: c.databaseId, key: m.fields.key ?? m.key })),
    ),
    planComments,
  };
}
