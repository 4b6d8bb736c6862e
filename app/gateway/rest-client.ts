import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { GitHubClient } from "./client.ts";

const Client = Octokit.plugin(retry, throttling);

/**
 * A token-authenticated client for the CLI, with the same retry and throttling Probot gives the
 * App: rate limits (primary and secondary) are waited out and retried up to twice.
 */
export function createRestClient(options: {
  token: string;
  baseUrl: string;
  userAgent?: string;
}): GitHubClient {
  return new Client({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    userAgent: options.userAgent ?? "havuncore-cli",
    log: { debug() {}, info() {}, warn() {}, error() {} },
    throttle: {
      onRateLimit: (_after: number, _opts: unknown, _o: unknown, retryCount: number) =>
        retryCount < 2,
      onSecondaryRateLimit: (_after: number, _opts: unknown, _o: unknown, retryCount: number) =>
        retryCount < 2,
    },
  }) as unknown as GitHubClient;
}
