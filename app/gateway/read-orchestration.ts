import type { GitHubClient } from "./client.ts";
import { rememberLabelIds } from "./label-ids.ts";
import { readControl } from "../core/control.ts";
import type {
  ClosedBy,
  OrchestrationState,
  PullView,
  RunCost,
  SubIssueView,
} from "../core/state.ts";
import { readPlannerCosts } from "../render/planner-cost.ts";
import { agentBranch, readCostMarkers } from "../spec/agent-pull.ts";
import { findMarkers } from "../spec/markers.ts";
import { parseSpecBlock } from "../spec/spec-block.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import { boardVariables, type BoardLocator } from "./board-query.ts";
import { boardView, isBoardError, type GraphqlProblem } from "./board-view.ts";
import { checkViews } from "./check-views.ts";
import { isHiddenStatus } from "./partial-read.ts";
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
  /** The hub config's `project_board`: read with the rest when given. */
  board?: BoardLocator | null;
}

const botLogin = (slug: string) => `${slug}[bot]`;

/** A comment on an agent pull request that asks its agent for changes. */
export const HAVUN_COMMAND = /^\s*\/havun\s+\S/i;

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
  rememberLabelIds(repo, s.labels.nodes);
  const pulls: PullView[] = s.closedByPullRequestsReferences.nodes.map((p) => ({
    repo: p.repository.nameWithOwner,
    number: p.number,
    ...(p.id ? { nodeId: p.id } : {}),
    url: p.url,
    state: p.state,
    author: p.author?.login ?? "ghost",
    headRef: p.headRefName,
    own: isOwnPull(p, { repo, spec }, o.appSlug),
    headSha: p.headRefOid,
    createdAt: p.createdAt,
    mergedAt: p.mergedAt ?? null,
    closedAt: p.closedAt ?? null,
    draft: p.isDraft,
    mergeable: p.mergeable,
    requests: [
      ...p.reviews.nodes.map((r) => ({
        kind: "review" as const,
        id: r.databaseId,
        author: r.author?.login ?? "ghost",
      })),
      ...p.comments.nodes
        .filter((c) => HAVUN_COMMAND.test(c.body))
        .map((c) => ({
          kind: "comment" as const,
          id: c.databaseId,
          author: c.author?.login ?? "ghost",
        })),
    ],
    checks: checkViews(p.statusCheckRollup?.contexts.nodes ?? []),
  }));
  // Each run's signed cost once: a failed run's from the App's comment (it opened no pull
  // request), the others' from the task's own pull requests.
  const runs = new Map<string, RunCost>();
  const record = (text: string) => {
    for (const c of readCostMarkers(text, ref, o.signer))
      runs.set(`${c.attempt}/${c.round}`, { attempt: c.attempt, round: c.round, usd: c.usd });
  };
  for (const c of s.appComments?.nodes ?? []) if (isApp(c.author?.login)) record(c.body);
  for (const p of s.closedByPullRequestsReferences.nodes)
    if (isOwnPull(p, { repo, spec }, o.appSlug)) record(p.body);
  const cost = runs.size ? [...runs.values()].reduce((n, r) => n + r.usd, 0) : null;
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
    closedAt: s.closedAt ?? null,
    runs: [...runs.values()].sort((a, b) => a.attempt - b.attempt || a.round - b.round),
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
  const { data, errors } = await queryOrchestration(graphql, {
    owner,
    name,
    number,
    ...boardVariables(o.board),
  });
  const issue = data.repository?.issue;
  if (!issue) return null;
  const isApp = (login: string | undefined) => login === o.appSlug || login === botLogin(o.appSlug);
  const control = readControl(issue.body, o.signer);
  const seen = new Map<string, CommentNode>();
  for (const c of [...issue.firstComments.nodes, ...issue.lastComments.nodes]) seen.set(c.id, c);
  const missing = control.planComments.filter((id) => !seen.has(id));
  if (missing.length) {
    const more = await commentsById(graphql, missing);
    for (const c of more) if (c?.id) seen.set(c.id, c);
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
    hubCommit: data.repository?.defaultBranchRef?.target?.oid ?? null,
    planner: readPlannerCosts(
      appComments.map((c) => c.body),
      `${hub}#${issue.number}`,
      o.signer,
    ),
    board: o.board
      ? boardView(
          o.board,
          data.board,
          [
            { nodeId: issue.id, items: issue.projectItems },
            ...issue.subIssues.nodes.map((s) => ({ nodeId: s.id, items: s.projectItems })),
          ],
          errors,
        )
      : null,
  };
}

/**
 * The one orchestration query. GitHub answers a board it does not let the App see (or that does
 * not exist) with errors beside the data: those become the board's state; any other error throws.
 */
async function queryOrchestration(
  graphql: Graphql,
  variables: Record<string, unknown>,
): Promise<{ data: OrchestrationQueryResult; errors: GraphqlProblem[] }> {
  try {
    return {
      data: await graphql<OrchestrationQueryResult>(ORCHESTRATION_QUERY, variables),
      errors: [],
    };
  } catch (err) {
    const e = err as { errors?: GraphqlProblem[]; data?: OrchestrationQueryResult };
    if (e.data && e.errors?.length && e.errors.every((x) => isBoardError(x) || isHiddenStatus(x)))
      return { data: e.data, errors: e.errors };
    throw err;
  }
}

/**
 * Comments by node id. A deleted comment (another App instance removed its copy of a plan) is
 * answered by GitHub with a `NOT_FOUND` error beside the data of the others: those are kept.
 */
async function commentsById(graphql: Graphql, ids: string[]): Promise<(CommentNode | null)[]> {
  try {
    return (await graphql<{ nodes: (CommentNode | null)[] }>(COMMENTS_BY_ID_QUERY, { ids })).nodes;
  } catch (err) {
    const e = err as { data?: { nodes?: (CommentNode | null)[] }; errors?: { type?: string }[] };
    if (e.data?.nodes && e.errors?.every((x) => x.type === "NOT_FOUND")) return e.data.nodes;
    throw err;
  }
}
