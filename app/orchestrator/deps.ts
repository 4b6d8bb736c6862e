import type Anthropic from "@anthropic-ai/sdk";
import type { GitHubClient } from "../gateway/client.ts";

export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** What an orchestration step needs: an installation-authenticated client and the model. */
export interface OrchestratorDeps {
  octokit: GitHubClient;
  anthropic: Anthropic;
  /** The App's slug: its bot writes as `<slug>[bot]`. */
  appSlug: string;
  log: Logger;
}

export { splitRepo } from "../gateway/client.ts";
