import { issueToken } from "../../auth/tokens.ts";
import type { SandboxCore } from "../../core.ts";
import type { Permissions, TokenRecord } from "../../state/types.ts";
import { ACTIONS_BOT } from "./actions-app.ts";

/** A job's GITHUB_TOKEN: github-actions[bot], this repository only, the job's permissions. */
export function issueJobToken(
  core: SandboxCore,
  repoId: number,
  runId: number,
  permissions: Permissions,
  lifetimeMs: number,
): TokenRecord {
  return issueToken(core, {
    kind: "workflow",
    login: ACTIONS_BOT,
    permissions,
    repositoryIds: [repoId],
    runId,
    expiresAt: new Date(Date.now() + lifetimeMs).toISOString(),
  });
}

/** The token stops working when its job ends, as GitHub's does. */
export function revokeJobToken(core: SandboxCore, token: TokenRecord): void {
  const st = core.store.state;
  st.tokens = st.tokens.filter((t) => t !== token);
  core.store.changed();
}
