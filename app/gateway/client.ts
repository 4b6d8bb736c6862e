import type { Octokit } from "@octokit/core";
import type { Api } from "@octokit/plugin-rest-endpoint-methods";

/**
 * The client the gateway writes through: Probot's installation Octokit in the App (with its
 * retry and throttling plugins), or @octokit/rest with the same plugins in the CLI.
 */
export type GitHubClient = Octokit & Api;

/** `owner/name` → the `{ owner, repo }` pair Octokit's REST methods take. */
export function splitRepo(repo: string): { owner: string; repo: string } {
  const [owner = "", name = ""] = repo.split("/");
  return { owner, repo: name };
}
