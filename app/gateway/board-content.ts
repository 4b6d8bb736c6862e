import type { GitHubClient } from "./client.ts";

/** The issue a board item shows (null for a pull request, a draft or nothing the App can see). */
export async function issueOfContent(
  octokit: GitHubClient,
  contentNodeId: string,
): Promise<{ repo: string; number: number; body: string } | null> {
  const r = await octokit
    .graphql<{
      node: { number?: number; body?: string; repository?: { nameWithOwner: string } } | null;
    }>(
      `query BoardContent($id: ID!) { node(id: $id) { ... on Issue { number body repository { nameWithOwner } } } }`,
      { id: contentNodeId },
    )
    .catch((err: { errors?: { type?: string }[] }) => {
      if (err.errors?.every((e) => e.type === "NOT_FOUND")) return { node: null };
      throw err;
    });
  const n = r.node;
  return n?.number !== undefined && n.repository
    ? { repo: n.repository.nameWithOwner, number: n.number, body: n.body ?? "" }
    : null;
}
