/** One GraphQL request reads a whole orchestration: the hub issue, its comments and sub-issues. */
export const ORCHESTRATION_QUERY = /* GraphQL */ `
  query Orchestration($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      issue(number: $number) {
        id
        databaseId
        number
        title
        body
        state
        createdAt
        author {
          login
        }
        comments(last: 100) {
          nodes {
            databaseId
            author {
              login
            }
            body
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
            closedByPullRequestsReferences(first: 5, includeClosedPrs: true) {
              nodes {
                number
                url
                state
                body
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
`;

interface Login {
  login: string;
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
      comments: { nodes: { databaseId: number; author: Login | null; body: string }[] };
      subIssues: {
        nodes: {
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
          closedByPullRequestsReferences: {
            nodes: {
              number: number;
              url: string;
              state: "OPEN" | "CLOSED" | "MERGED";
              body: string;
              repository: { nameWithOwner: string };
            }[];
          };
        }[];
      };
    } | null;
  } | null;
}
