import type { Store } from "../state/store.ts";

/** GitHub's GraphQL budget: 5,000 points an hour (1,000 for a workflow's GITHUB_TOKEN). */
export interface RateLimitState {
  limit: number;
  used: number;
  resetAt: string;
}

const HOUR = 3_600_000;
const buckets = new WeakMap<Store, Map<string, { used: number; resetAt: number }>>();

/**
 * Charges a request's cost to its token's hourly bucket and returns the bucket afterwards.
 * The sandbox reports the budget (`rateLimit`) but does not refuse requests over it.
 */
export function charge(
  store: Store,
  token: { token: string; kind: string },
  cost: number,
): RateLimitState {
  let perToken = buckets.get(store);
  if (!perToken) buckets.set(store, (perToken = new Map()));
  const now = Date.now();
  let bucket = perToken.get(token.token);
  if (!bucket || bucket.resetAt <= now)
    perToken.set(token.token, (bucket = { used: 0, resetAt: now + HOUR }));
  bucket.used += cost;
  const limit = token.kind === "workflow" ? 1_000 : 5_000;
  return {
    limit,
    used: bucket.used,
    resetAt: new Date(bucket.resetAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}
