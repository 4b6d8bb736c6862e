import { hasAuthenticControl } from "../core/control.ts";
import type { GitHubClient } from "../gateway/client.ts";
import { authenticSpec } from "../spec/spec-block.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import type { GateTask } from "./gate-inputs.ts";
import { LAST_CLOSER, SIBLING_PULL, type ActorNode, type SiblingNode } from "./gate-query.ts";
import { isAppActor, siblingTasks } from "./sibling-tasks.ts";

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
          __typename
          login
        }
        repository {
          nameWithOwner
        }
        closedByPullRequestsReferences(first: 10, includeClosedPrs: true) {
          nodes {
            ...SiblingPull
          }
        }
        timelineItems(last: 1, itemTypes: [CLOSED_EVENT]) {
          ...LastCloser
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
          __typename
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
  ${SIBLING_PULL}
  ${LAST_CLOSER}
`;

type HubNode = {
  number: number;
  body: string;
  repository: { nameWithOwner: string };
  subIssues: { nodes: SiblingNode[] };
};

interface IssueQueryResult {
  repository: {
    issue: (HubNode & { author: ActorNode | null; parent: HubNode | null }) | null;
  } | null;
}

/**
 * The open pull requests to gate again after an issue changed (one GraphQL request): for a
 * task's sub-issue, those `gatedBy` it; for a hub issue (its breaking-change declarations in its
 * signed control state), every task's open pull request of the orchestration.
 */
export async function pullsAffectedByIssue(
  octokit: GitHubClient,
  repo: string,
  number: number,
  o: { appSlug: string; signer: MarkerSigner },
): Promise<PullKey[]> {
  const [owner = "", name = ""] = repo.split("/");
  const data = await octokit.graphql<IssueQueryResult>(ISSUE_QUERY, { owner, name, number });
  const issue = data.repository?.issue;
  if (!issue) return [];
  const spec = isAppActor(issue.author, o.appSlug) ? authenticSpec(issue.body, o.signer) : null;
  if (spec && issue.parent) {
    return gatedBy(
      spec.task,
      siblingTasks(issue.parent.subIssues.nodes, spec.hub, spec.hub_issue, o.appSlug, o.signer),
    );
  }
  if (!spec && hasAuthenticControl(issue.body, o.signer)) {
    return siblingTasks(issue.subIssues.nodes, repo, number, o.appSlug, o.signer).flatMap(
      (t) => t.openPulls,
    );
  }
  return [];
}
