import { createRestClient, type RestClient } from "../../../app/gateway/rest-client.ts";

export type ActionOctokit = RestClient;

/** The Action's one GitHub client: the CLI's client (retries, rate limits), logging warnings. */
export function githubClient(token: string, baseUrl: string): ActionOctokit {
  return createRestClient({
    token,
    baseUrl,
    userAgent: "havuncore-action",
    log: { debug() {}, info() {}, warn: console.warn, error: console.error },
  });
}
