/**
 * One GraphQL request reads what the gate needs for a pull request: its body and head, the
 * sub-issue it closes with that sub-issue's siblings under the hub issue (the other tasks and
 * their pull requests), and the latest check runs on its head commit.
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
        closingIssuesReferences(first: 5) {
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
      login
    }
    repository {
      nameWithOwner
    }
  }
`;

export interface GateTaskNode {
  number: number;
  url: string;
  state: "OPEN" | "CLOSED";
  stateReason: string | null;
  body: string;
  author: { login: string } | null;
  repository: { nameWithOwner: string };
}

export interface GatePullNode {
  number: number;
  url: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  repository: { nameWithOwner: string };
}

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
      closingIssuesReferences: {
        nodes: (GateTaskNode & {
          parent:
            | (Pick<GateTaskNode, "number" | "url" | "body" | "repository"> & {
                subIssues: {
                  nodes: (GateTaskNode & {
                    closedByPullRequestsReferences: { nodes: GatePullNode[] };
                  })[];
                };
              })
            | null;
        })[];
      };
      statusCheckRollup: { contexts: { nodes: GateCheckNode[] } } | null;
    } | null;
  } | null;
}
