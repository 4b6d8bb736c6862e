import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";

const Client = Octokit.plugin(retry, throttling);
export type ActionOctokit = InstanceType<typeof Client>;

/** The Action's one GitHub client: retries and waits out rate limits like the App's. */
export function githubClient(token: string, baseUrl: string): ActionOctokit {
  return new Client({
    auth: token,
    baseUrl,
    userAgent: "havuncore-action",
    log: { debug() {}, info() {}, warn: console.warn, error: console.error },
    throttle: {
      onRateLimit: (_after: number, _o: unknown, _k: unknown, count: number) => count < 2,
      onSecondaryRateLimit: (_after: number, _o: unknown, _k: unknown, count: number) => count < 2,
    },
  });
}
