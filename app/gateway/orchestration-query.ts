/**
 * One GraphQL request reads a whole orchestration: the hub issue, its first and last comments,
 * and its sub-issues with the pull requests that close them and how they were closed.
 */
export const ORCHESTRATION_QUERY = /* GraphQL */ `
  query Orchestration($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      issue(number: $number) {
        id
        databaseId
        number
        title
        url
        body
        state
        createdAt
        author {
          login
        }
        timelineItems(last: 1, itemTypes: [CLOSED_EVENT]) {
          ...HavunClosed
        }
        firstComments: comments(first: 30) {
          nodes {
            ...HavunComment
          }
        }
        lastComments: comments(last: 100) {
          nodes {
            ...HavunComment
          }
        }
        subIssues(first: 100) {
          nodes {
            id
            databaseId
            number
            url
            state
            stateReason
            body
            createdAt
            author {
              login
            }
            repository {
              nameWithOwner
            }
            labels(first: 30) {
              nodes {
                name
              }
            }
            closedByPullRequestsReferences(first: 10, includeClosedPrs: true) {
              nodes {
                number
                url
                state
                body
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
            }
            timelineItems(last: 1, itemTypes: [CLOSED_EVENT]) {
              ...HavunClosed
            }
          }
        }
      }
    }
  }
  fragment HavunClosed on IssueTimelineItemsConnection {
    nodes {
      ... on ClosedEvent {
        actor {
          login
        }
        closer {
          __typename
          ... on PullRequest {
            number
            url
            author {
              login
            }
            repository {
              nameWithOwner
            }
          }
          ... on Commit {
            oid
          }
        }
      }
    }
  }
  fragment HavunComment on IssueComment {
    id
    databaseId
    author {
      login
    }
    body
  }
`;

/** The App's plan comments that fell outside both comment windows, fetched by node id. */
export const COMMENTS_BY_ID_QUERY = /* GraphQL */ `
  query HavunComments($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on IssueComment {
        id
        databaseId
        author {
          login
        }
        body
      }
    }
  }
`;

interface Login {
  login: string;
}

export interface CommentNode {
  id: string;
  databaseId: number;
  author: Login | null;
  body: string;
}

export interface PullNode {
  number: number;
  url: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  body: string;
  headRefName: string;
  isCrossRepository: boolean;
  author: (Login & { __typename?: string }) | null;
  repository: { nameWithOwner: string };
}

export interface ClosedEventNode {
  actor?: Login | null;
  closer?:
    | {
        __typename: "PullRequest";
        number: number;
        url: string;
        author: Login | null;
        repository: { nameWithOwner: string };
      }
    | { __typename: "Commit"; oid: string }
    | { __typename: string }
    | null;
}

export interface SubIssueNode {
  id: string;
  databaseId: number;
  number: number;
  url: string;
  state: "OPEN" | "CLOSED";
  stateReason: string | null;
  body: string;
  createdAt: string;
  author: Login | null;
  repository: { nameWithOwner: string };
  labels: { nodes: { name: string }[] };
  closedByPullRequestsReferences: { nodes: PullNode[] };
  timelineItems: { nodes: ClosedEventNode[] };
}

export interface OrchestrationQueryResult {
  repository: {
    issue: {
      id: string;
      databaseId: number;
      number: number;
      title: string;
      url: string;
      body: string;
      state: "OPEN" | "CLOSED";
      createdAt: string;
      author: Login | null;
      timelineItems: { nodes: ClosedEventNode[] };
      firstComments: { nodes: CommentNode[] };
      lastComments: { nodes: CommentNode[] };
      subIssues: { nodes: SubIssueNode[] };
    } | null;
  } | null;
}
