import type { GitHubClient } from "./client.ts";

/** Why one alias of an aliased mutation failed. */
export interface AliasFailure {
  type?: string;
  message: string;
}

interface ResponseError {
  type?: string;
  message: string;
  path?: (string | number)[];
}

/**
 * Runs one document of aliased mutations. GitHub runs each mutation and reports a failed one
 * beside the others' data (its alias null), which Octokit throws as a GraphqlResponseError
 * carrying `data`: the data comes back with the failures by alias. A failure of the whole
 * request (no data, or an error that is not one alias's) is thrown as it came.
 */
export async function aliasedMutation(
  octokit: GitHubClient,
  document: string,
  variables: Record<string, unknown>,
): Promise<{ data: Record<string, unknown>; failed: Map<string, AliasFailure> }> {
  try {
    const data = await octokit.graphql<Record<string, unknown>>(document, variables);
    return { data, failed: new Map() };
  } catch (err) {
    const e = err as { data?: Record<string, unknown> | null; errors?: ResponseError[] };
    const perAlias = e.errors?.every((x) => x.path?.length === 1 && typeof x.path[0] === "string");
    if (!e.data || !e.errors?.length || !perAlias) throw err;
    const failed = new Map(
      e.errors.map((x) => [String(x.path![0]), { type: x.type, message: x.message }] as const),
    );
    return { data: e.data, failed };
  }
}
