import { splitRepo, type GitHubClient } from "./client.ts";

type Blob = { text: string | null } | null;

/**
 * Texts of files at `rev:path` (`HEAD:` for the default branch) in one repository, in one GraphQL
 * request; null for a file that does not exist (or is binary).
 */
export async function readTexts(
  octokit: GitHubClient,
  repo: string,
  expressions: string[],
): Promise<(string | null)[]> {
  if (!expressions.length) return [];
  const { owner, repo: name } = splitRepo(repo);
  const vars = Object.fromEntries(expressions.map((e, i) => [`e${i}`, e]));
  const fields = expressions
    .map((_, i) => `f${i}: object(expression: $e${i}) { ... on Blob { text } }`)
    .join(" ");
  const params = expressions.map((_, i) => `$e${i}: String!`).join(", ");
  const data = await octokit.graphql<{ repository: Record<string, Blob> | null }>(
    `query FileTexts($owner: String!, $name: String!, ${params}) { repository(owner: $owner, name: $name) { ${fields} } }`,
    { owner, name, ...vars },
  );
  return expressions.map((_, i) => data.repository?.[`f${i}`]?.text ?? null);
}
