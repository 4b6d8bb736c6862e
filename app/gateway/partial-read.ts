/** One error of a GraphQL answer. */
export interface GraphqlError {
  type?: string;
  path?: (string | number)[];
}

/**
 * GitHub answers a GraphQL read with `data` and `errors` when the token may not read some nodes:
 * an installation without the commit statuses permission gets "Resource not accessible by
 * integration" at each commit status in a status check rollup, the node itself null.
 */
export const isHiddenStatus = (e: GraphqlError) =>
  e.type === "FORBIDDEN" && (e.path ?? []).includes("contexts");

/**
 * Until an owner approves the commit statuses permission, the rest of such an answer is still
 * right, so the read goes on with it; any other error is thrown as before.
 */
export async function toleratingHiddenStatuses<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    const e = err as { data?: T; errors?: GraphqlError[] };
    if (e.data && e.errors?.length && e.errors.every(isHiddenStatus)) return e.data;
    throw err;
  }
}
