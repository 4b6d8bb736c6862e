import type { GitHubClient } from "./client.ts";

/**
 * GitHub's rule for a secondary rate limit (a 403 or 429 saying so): wait `retry-after` seconds
 * when it is given, else until `x-ratelimit-reset` when nothing remains, else at least a minute;
 * wait exponentially longer if it happens again, and give up after a few tries. Probot's client
 * only logs these, so the App's work would be lost; clients hooked here wait and try again.
 */
const TRIES = 4;

function waitMs(
  headers: Record<string, unknown> | undefined,
  attempt: number,
  now = Date.now(),
): number {
  const after = Number(headers?.["retry-after"]);
  if (Number.isFinite(after) && after >= 0) return after * 1000;
  if (String(headers?.["x-ratelimit-remaining"]) === "0") {
    const reset = Number(headers?.["x-ratelimit-reset"]) * 1000;
    if (Number.isFinite(reset)) return Math.max(0, reset - now);
  }
  return 60_000 * 2 ** (attempt - 1);
}

export function isSecondaryLimit(err: unknown): boolean {
  const e = err as { status?: number; message?: string; response?: { headers?: object } };
  return (
    (e.status === 403 || e.status === 429) &&
    (/secondary rate limit/i.test(e.message ?? "") ||
      (e.response?.headers !== undefined && "retry-after" in e.response.headers))
  );
}

/** Installs the retry on one client's requests (through its other plugins). */
export function retrySecondaryLimits(octokit: GitHubClient): void {
  octokit.hook.wrap("request", async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(options);
      } catch (err) {
        if (attempt >= TRIES || !isSecondaryLimit(err)) throw err;
        const headers = (err as { response?: { headers?: Record<string, unknown> } }).response
          ?.headers;
        await new Promise((r) => setTimeout(r, waitMs(headers, attempt)));
      }
    }
  });
}
