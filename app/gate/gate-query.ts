/** The fields of a task's pull request that say whether it is the task's own. */
export const SIBLING_PULL = /* GraphQL */ `
  fragment SiblingPull on PullRequest {
    number
    url
    state
    headRefName
    isCrossRepository
    author {
      __typename
      login
    }
    repository {
      nameWithOwner
    }
  }
`;

/** How the sub-issue was last closed: the pull request or commit whose closing keyword did it. */
export const LAST_CLOSER = /* GraphQL */ `
  fragment LastCloser on IssueTimelineItemsConnection {
    nodes {
      ... on ClosedEvent {
        closer {
          __typename
          ... on PullRequest {
            number
            repository {
              nameWithOwner
            }
          }
        }
      }
    }
  }
`;

/** How many of a pull request's latest comments are read for accepted breaking changes. */
export const COMMENTS_READ = 100;

/** How many issues a pull request's closing references are read to (more fail the gate). */
export const CLOSING_LIMIT = 10;

/**
 * One GraphQL request reads what the gate needs for a pull request: its body, author, head and
 * the body's last editor, every sub-issue it closes with that sub-issue's hub issue (its control
 * state and the other tasks with their pull requests), and the latest check runs and commit
 * statuses on its head.
 */
export const GATE_QUERY = /* GraphQL */ `
  query Gate($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
        number
        url
        state
        body
        headRefName
        headRefOid
        isCrossRepository
        headRepository {
          nameWithOwner
        }
        author {
          __typename
          login
        }
        editor {
          __typename
          login
        }
        comments(last: ${COMMENTS_READ}) {
          nodes {
            author {
              __typename
              login
            }
            body
          }
        }
        closingIssuesReferences(first: ${CLOSING_LIMIT}) {
          totalCount
          nodes {
            ...Task
            parent {
              number
              url
              body
              repository {
                nameWithOwner
              }
              subIssues(first: 100) {
                nodes {
                  ...Task
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
          }
        }
        statusCheckRollup {
          contexts(first: 100) {
            nodes {
              __typename
              ... on CheckRun {
                databaseId
                name
                status
                conclusion
                title
                summary
                url
                checkSuite {
                  app {
                    slug
                  }
                }
              }
              ... on StatusContext {
                context
                state
                description
                targetUrl
                creator {
                  __typename
                  login
                }
              }
            }
          }
        }
      }
    }
  }

  fragment Task on Issue {
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
  }
  ${SIBLING_PULL}
  ${LAST_CLOSER}
`;

export interface GateTaskNode {
  number: number;
  url: string;
  state: "OPEN" | "CLOSED";
  stateReason: string | null;
  body: string;
  author: ActorNode | null;
  repository: { nameWithOwner: string };
}

export interface ActorNode {
  __typename: string;
  login: string;
}

export interface LastCloserNode {
  closer?: {
    __typename: string;
    number?: number;
    repository?: { nameWithOwner: string };
  } | null;
}

export interface GatePullNode {
  number: number;
  url: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  headRefName: string;
  isCrossRepository: boolean;
  author: ActorNode | null;
  repository: { nameWithOwner: string };
}

/** A sub-issue of the hub issue (a task), with its pull requests and how it was last closed. */
export type SiblingNode = GateTaskNode & {
  closedByPullRequestsReferences: { nodes: GatePullNode[] };
  timelineItems: { nodes: LastCloserNode[] };
};

export interface GateCheckNode {
  __typename: string;
  databaseId?: number;
  name?: string;
  status?: string;
  conclusion?: string | null;
  title?: string | null;
  summary?: string | null;
  url?: string;
  checkSuite?: { app: { slug: string } | null } | null;
  /** A commit status (StatusContext): many CI systems report these instead of check runs. */
  context?: string;
  state?: "ERROR" | "EXPECTED" | "FAILURE" | "PENDING" | "SUCCESS";
  description?: string | null;
  targetUrl?: string | null;
  creator?: ActorNode | null;
}

export interface GateQueryResult {
  repository: {
    pullRequest: {
      number: number;
      url: string;
      state: "OPEN" | "CLOSED" | "MERGED";
      body: string;
      headRefName: string;
      headRefOid: string;
      isCrossRepository: boolean;
      headRepository: { nameWithOwner: string } | null;
      author: ActorNode | null;
      editor: ActorNode | null;
      /** The latest comments: the App's signed acceptances of breaking changes are among them. */
      comments?: { nodes: { author: ActorNode | null; body: string }[] };
      closingIssuesReferences: {
        totalCount: number;
        nodes: (GateTaskNode & {
          parent:
            | (Pick<GateTaskNode, "number" | "url" | "body" | "repository"> & {
                subIssues: {
                  nodes: SiblingNode[];
                };
              })
            | null;
        })[];
      };
      /** A node is null when the token may not read it (a status without `statuses: read`). */
      statusCheckRollup: { contexts: { nodes: (GateCheckNode | null)[] } } | null;
    } | null;
  } | null;
}
