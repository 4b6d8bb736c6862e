import type { GitHubClient } from "./client.ts";
import { readControl } from "../core/control.ts";
import type { OrchestrationState, SubIssueView } from "../core/state.ts";
import { findMarkers } from "../spec/markers.ts";
import { parseSpecBlock } from "../spec/spec-block.ts";
import { readPlanFromComments } from "./plan-store.ts";
import { ORCHESTRATION_QUERY, type OrchestrationQueryResult } from "./orchestration-query.ts";

type Graphql = GitHubClient["graphql"];

/** The cost an agent reported in its pull request body (`<!-- havun:cost usd=0.42 -->`). */
function costFrom(bodies: string[]): number | null {
  let total: number | null = null;
  for (const body of bodies) {
    for (const m of findMarkers(body, "cost")) {
      const usd = Number(m.fields.usd);
      if (Number.isFinite(usd)) total = (total ?? 0) + usd;
    }
  }
  return total;
}

/** Reads one orchestration with a single GraphQL request. Null when the hub issue does not exist. */
export async function readOrchestration(
  graphql: Graphql,
  hub: string,
  number: number,
  appSlug: string,
): Promise<OrchestrationState | null> {
  const [owner = "", name = ""] = hub.split("/");
  const data = await graphql<OrchestrationQueryResult>(ORCHESTRATION_QUERY, {
    owner,
    name,
    number,
  });
  const issue = data.repository?.issue;
  if (!issue) return null;
  const isApp = (login: string | undefined) => login === appSlug || login === `${appSlug}[bot]`;
  const appComments = issue.comments.nodes.filter((c) => isApp(c.author?.login));
  const subIssues: SubIssueView[] = issue.subIssues.nodes.map((s) => {
    const parsed = parseSpecBlock(s.body);
    const spec = parsed && "spec" in parsed && parsed.digestOk ? parsed.spec : null;
    return {
      repo: s.repository.nameWithOwner,
      number: s.number,
      id: s.databaseId,
      nodeId: s.id,
      url: s.url,
      state: s.state === "OPEN" ? "open" : "closed",
      stateReason: s.stateReason ? s.stateReason.toLowerCase() : null,
      labels: s.labels.nodes.map((l) => l.name),
      body: s.body,
      spec,
      byApp: isApp(s.author?.login),
      createdAt: s.createdAt,
      pulls: s.closedByPullRequestsReferences.nodes.map((p) => ({
        repo: p.repository.nameWithOwner,
        number: p.number,
        url: p.url,
        state: p.state,
      })),
      blockedBy: [],
      costUsd: costFrom(s.closedByPullRequestsReferences.nodes.map((p) => p.body)),
    };
  });
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
    },
    control: readControl(issue.body),
    plan: readPlanFromComments(appComments.map((c) => c.body)),
    subIssues,
    commentKeys: appComments.flatMap((c) =>
      findMarkers(c.body, "comment").map((m) => m.fields.key ?? m.key),
    ),
    appComments: appComments.flatMap((c) =>
      findMarkers(c.body, "comment").map((m) => ({ id: c.databaseId, key: m.fields.key ?? m.key })),
    ),
  };
}
