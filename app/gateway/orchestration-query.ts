import { BOARD_FRAGMENTS, type BoardItemsNode, type BoardOwnerNode } from "./board-query.ts";

/**
 * One GraphQL request reads a whole orchestration: the hub issue, its first and last comments,
 * and its sub-issues with the pull requests that close them and how they were closed.
 */
export const ORCHESTRATION_QUERY = /* GraphQL */ `
  query Orchestration(
    $owner: String!
    $name: String!
    $number: Int!
    $withBoard: Boolean!
    $boardOwner: String!
    $boardByNumber: Boolean!
    $boardNumber: Int!
    $boardTitle: String!
  ) {
    board: repositoryOwner(login: $boardOwner) @include(if: $withBoard) {
      ...HavunBoardOwner
    }
    repository(owner: $owner, name: $name) {
      defaultBranchRef {
        target {
          oid
        }
      }
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
        projectItems(first: 10) @include(if: $withBoard) {
          ...HavunBoardItems
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
            closedAt
            projectItems(first: 10) @include(if: $withBoard) {
              ...HavunBoardItems
            }
            appComments: comments(last: 20) {
              nodes {
                author {
                  login
                }
                body
              }
            }
            author {
              login
            }
            repository {
              nameWithOwner
            }
            labels(first: 30) {
              nodes {
                id
                name
              }
            }
            closedByPullRequestsReferences(first: 10, includeClosedPrs: true) {
              nodes {
                id
                number
                url
                state
                body
                headRefName
                headRefOid
                createdAt
                mergedAt
                closedAt
                isDraft
                mergeable
                isCrossRepository
                author {
                  __typename
                  login
                }
                reviews(last: 10, states: [CHANGES_REQUESTED]) {
                  nodes {
                    databaseId
                    author {
                      login
                    }
                  }
                }
                comments(last: 20) {
                  nodes {
                    databaseId
                    author {
                      login
                    }
                    body
                  }
                }
                statusCheckRollup {
                  contexts(first: 100) {
                    nodes {
                      ... on CheckRun {
                        databaseId
                        name
                        status
                        conclusion
                        checkSuite {
                          app {
                            slug
                          }
                        }
                      }
                      ... on StatusContext {
                        context
                        state
                        creator {
                          __typename
                          login
                        }
                      }
                    }
                  }
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
  ${BOARD_FRAGMENTS}
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

export interface CheckNode {
  databaseId?: number;
  name?: string;
  status?: string;
  conclusion?: string | null;
  checkSuite?: { app: { slug: string } | null } | null;
  /** A commit status (StatusContext). */
  context?: string;
  state?: string;
  creator?: { __typename: string; login: string } | null;
}

export interface PullNode {
  /** Its node id (marking it ready for review needs no other read). */
  id?: string;
  number: number;
  url: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  body: string;
  headRefName: string;
  headRefOid: string;
  createdAt?: string;
  mergedAt?: string | null;
  closedAt?: string | null;
  isDraft: boolean;
  mergeable: "MERGEABLE" | "CONFLICTING" | "UNKNOWN";
  statusCheckRollup: { contexts: { nodes: (CheckNode | null)[] } } | null;
  reviews: { nodes: { databaseId: number; author: Login | null }[] };
  comments: { nodes: { databaseId: number; author: Login | null; body: string }[] };
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
  labels: { nodes: { id?: string; name: string }[] };
  closedByPullRequestsReferences: { nodes: PullNode[] };
  timelineItems: { nodes: ClosedEventNode[] };
  closedAt?: string | null;
  projectItems?: BoardItemsNode;
  /** The issue's last comments: the App's carry failed runs' signed costs. */
  appComments?: { nodes: { author: Login | null; body: string }[] };
}

export interface OrchestrationQueryResult {
  repository: {
    defaultBranchRef: { target: { oid: string } | null } | null;
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
      projectItems?: BoardItemsNode;
    } | null;
  } | null;
  /** With a board: its owner and the board (`board-query.ts`). */
  board?: BoardOwnerNode | null;
}
