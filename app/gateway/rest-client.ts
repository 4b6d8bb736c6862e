import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { conditionalReads } from "./conditional.ts";

const Client = Octokit.plugin(retry, throttling);

/** A token client with retry and throttling; usable wherever a GitHubClient is expected. */
export type RestClient = InstanceType<typeof Client>;

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * A token-authenticated client for the CLI and the agent Action, with the same retry and
 * throttling Probot gives the App: rate limits (primary and secondary) are waited out and
 * retried up to twice.
 */
export function createRestClient(options: {
  token: string;
  baseUrl: string;
  userAgent?: string;
  log?: {
    debug(...a: unknown[]): void;
    info(...a: unknown[]): void;
    warn(...a: unknown[]): void;
    error(...a: unknown[]): void;
  };
}): RestClient {
  const client = new Client({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    userAgent: options.userAgent ?? "havuncore-cli",
    log: options.log ?? silent,
    throttle: {
      onRateLimit: (_after: number, _opts: unknown, _o: unknown, retryCount: number) =>
        retryCount < 2,
      onSecondaryRateLimit: (_after: number, _opts: unknown, _o: unknown, retryCount: number) =>
        retryCount < 2,
    },
  });
  return conditionalReads(client as never) as RestClient;
}
