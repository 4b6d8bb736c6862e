import type { RestClient } from "../app/gateway/rest-client.ts";

/** What every tool works with: the token's client and the hub `havun mcp --hub` names. */
export interface ToolContext {
  octokit: RestClient;
  baseUrl: string;
  token: string;
  defaultHub: string | null;
  appSlug: string;
}

const REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** The hub a call names, else the server's; an error that says how to name one. */
export function hubOf(ctx: ToolContext, given: string | undefined): string | { error: string } {
  const hub = (given ?? ctx.defaultHub ?? "").trim();
  if (REPO.test(hub)) return hub;
  return {
    error: hub
      ? `"${hub}" is not a repository: pass hub as OWNER/REPO, like acme/hub.`
      : "No hub: pass hub as OWNER/REPO (or start havun mcp with --hub OWNER/REPO).",
  };
}
