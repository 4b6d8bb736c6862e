import type { GitHubClient } from "./client.ts";
import { retrySecondaryLimits } from "./secondary-retry.ts";

/**
 * Conditional requests for repeated reads. GitHub tags most GET responses with an `etag`; a GET
 * that sends it back in `If-None-Match` is answered 304 Not Modified when nothing changed, and a
 * 304 does not count against the primary rate limit. The App reads the same few things over and
 * over (the hub's config and tree, permission levels), so each GET a client hooked here makes
 * carries the tag of its last answer, and a 304 is answered from that answer.
 *
 * The cache is shared by every client of the process (Probot makes a new client per event) and
 * keyed by URL and media type only: GitHub computes the tag from what this caller would be sent,
 * so a tag from another token's answer matches only when the answer would be the same.
 */
interface Cached {
  etag: string;
  response: { status: number; url: string; headers: Record<string, unknown>; data: unknown };
}

const MAX_ENTRIES = 500;
const cache = new Map<string, Cached>();
const hooked = new WeakSet<object>();

type RequestOptions = { method?: string; url?: string; headers?: Record<string, unknown> } & Record<
  string,
  unknown
>;

function keyOf(octokit: GitHubClient, options: RequestOptions): string {
  const parsed = octokit.request.endpoint.parse(options as never) as {
    url: string;
    headers: Record<string, unknown>;
  };
  return `${parsed.url} ${String(parsed.headers.accept ?? "")}`;
}

function remember(key: string, entry: Cached): void {
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/**
 * Prepares a client the gateway uses (once per client; returns it): its GETs become conditional,
 * and a secondary rate limit is waited out and tried again (secondary-retry.ts).
 */
export function conditionalReads<T extends GitHubClient>(octokit: T): T {
  if (hooked.has(octokit)) return octokit;
  hooked.add(octokit);
  retrySecondaryLimits(octokit);
  octokit.hook.wrap("request", async (request, options: RequestOptions) => {
    if ((options.method ?? "GET").toUpperCase() !== "GET") return request(options as never);
    const key = keyOf(octokit, options);
    const known = cache.get(key);
    // Set on the options object itself: the layers below re-read it by reference.
    if (known) options.headers = { ...options.headers, "if-none-match": known.etag };
    try {
      const response = await request(options as never);
      const etag = response.headers.etag;
      if (typeof etag === "string" && response.status === 200)
        remember(key, {
          etag,
          response: { ...(response as Cached["response"]), data: structuredClone(response.data) },
        });
      return response;
    } catch (err) {
      const e = err as { status?: number; response?: { headers?: Record<string, unknown> } };
      if (e.status !== 304 || !known) throw err;
      remember(key, known);
      return {
        ...known.response,
        headers: { ...known.response.headers, ...e.response?.headers },
        data: structuredClone(known.response.data),
      } as never;
    }
  });
  return octokit;
}

/** Forgets every remembered answer (tests). */
export function forgetConditionalReads(): void {
  cache.clear();
}

/**
 * The same as an Octokit plugin, for a client class: `ProbotOctokit.plugin(gatewayPlugin)` gives
 * every client of the App (webhook handlers, the workflow API, the start-up resume) conditional
 * reads and secondary-rate-limit retries from its first request on.
 */
export function gatewayPlugin(octokit: unknown): Record<string, never> {
  conditionalReads(octokit as GitHubClient);
  return {};
}
