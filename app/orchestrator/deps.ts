import type Anthropic from "@anthropic-ai/sdk";
import type { GitHubClient } from "../gateway/client.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";

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
  /** Signs and verifies what the App writes (specs, control state, cost markers). */
  signer: MarkerSigner;
  log: Logger;
}

export { splitRepo } from "../gateway/client.ts";
