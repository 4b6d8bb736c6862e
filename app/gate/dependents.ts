import type { GitHubClient } from "../gateway/client.ts";
import { readControlPresent } from "../orchestrator/hub-marker.ts";
import { parseSpecBlock } from "../spec/spec-block.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { GateTask } from "./gate-inputs.ts";
import type { GatePullNode, GateTaskNode } from "./gate-query.ts";
import { siblingTasks } from "./sibling-tasks.ts";

export interface PullKey {
  repo: string;
  number: number;
}

/**
 * The open pull requests whose gate may change when `changed` is done or undone: those of
 * tasks that depend on it, and of providers whose declared breaking change waits on it as a
 * consumer.
 */
export function gatedBy(changed: TaskSpec["task"], tasks: GateTask[]): PullKey[] {
  const consumes = changed.contracts.filter((c) => c.role === "consumer").map((c) => c.name);
  return tasks
    .filter(
      (t) =>
        t.id !== changed.id &&
        (t.dependencies.includes(changed.id) ||
          t.contracts.some((c) => c.role === "provider" && consumes.includes(c.name))),
    )
    .flatMap((t) => t.openPulls);
}

const HUB = /* GraphQL */ `
  fragment Hub on Issue {
    number
    body
    repository {
      nameWithOwner
    }
    subIssues(first: 100) {
      nodes {
        number
        url
        state
        stateReason
        body
        author {
          login
        }
        repository {
          nameWithOwner
        }
        closedByPullRequestsReferences(first: 5, includeClosedPrs: true) {
          nodes {
            number
            url
            state
            repository {
              nameWithOwner
            }
          }
        }
      }
    }
  }
`;

const ISSUE_QUERY = /* GraphQL */ `
  query GateIssue($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      issue(number: $number) {
        body
        author {
          login
        }
        ...Hub
        parent {
          ...Hub
        }
      }
    }
  }
  ${HUB}
`;

type HubNode = {
  number: number;
  body: string;
  repository: { nameWithOwner: string };
  subIssues: {
    nodes: (GateTaskNode & { closedByPullRequestsReferences: { nodes: GatePullNode[] } })[];
  };
};

interface IssueQueryResult {
  repository: {
    issue: (HubNode & { author: { login: string } | null; parent: HubNode | null }) | null;
  } | null;
}

/**
 * The open pull requests to gate again after an issue changed (one GraphQL request): for a
 * task's sub-issue, those `gatedBy` it; for a hub issue (its breaking-change declarations),
 * every open agent pull request of the orchestration.
 */
export async function pullsAffectedByIssue(
  octokit: GitHubClient,
  repo: string,
  number: number,
  appSlug: string,
): Promise<PullKey[]> {
  const [owner = "", name = ""] = repo.split("/");
  const data = await octokit.graphql<IssueQueryResult>(ISSUE_QUERY, { owner, name, number });
  const issue = data.repository?.issue;
  if (!issue) return [];
  const isApp = (n: { author: { login: string } | null }) =>
    n.author?.login === `${appSlug}[bot]` || n.author?.login === appSlug;
  const parsed = parseSpecBlock(issue.body);
  if (parsed && "spec" in parsed && parsed.digestOk && isApp(issue) && issue.parent) {
    const { spec } = parsed;
    return gatedBy(
      spec.task,
      siblingTasks(issue.parent.subIssues.nodes, spec.hub, spec.hub_issue, isApp),
    );
  }
  if (!parsed && readControlPresent(issue.body)) {
    return siblingTasks(issue.subIssues.nodes, repo, number, isApp).flatMap((t) => t.openPulls);
  }
  return [];
}
