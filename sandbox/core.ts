import type { GitRepos } from "./git/git-repos.ts";
import type { Store } from "./state/store.ts";

/** Base addresses the sandbox renders into `url`/`html_url` fields. */
export interface SandboxUrls {
  /** REST root, like https://api.github.com (here `http://127.0.0.1:PORT/api/v3`). */
  api: string;
  /** Web root, like https://github.com (`http://127.0.0.1:PORT`); git is served below it. */
  server: string;
  graphql: string;
}

/** Who performs an operation. */
export interface Actor {
  accountId: number;
  via: "user" | "installation" | "workflow" | "sandbox";
  /** Set for installation tokens: the App acting. */
  appId: number | null;
}

/** Resends a recorded webhook delivery (GitHub's "Redeliver"). */
export interface Redeliverer {
  redeliver(deliveryId: number): Promise<number>;
}

/** What every handler, resolver and operation works with. */
export interface SandboxCore {
  store: Store;
  git: GitRepos;
  urls: SandboxUrls;
  webhooks?: Redeliverer;
}
