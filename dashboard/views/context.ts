import type { GitHubClient } from "../../app/gateway/client.ts";
import { hubReader, type HubReader } from "../../app/gateway/hub-reader.ts";
import type { PageBody } from "../pages/layout.ts";
import type { Probe, ProbeCache } from "../live/probes.ts";

/** What every view reads with: the token's client, the hub, the shared probe answers. */
export interface DashboardContext {
  octokit: GitHubClient;
  hub: string;
  appSlug: string;
  probes: ProbeCache;
}

/** A rendered view and what tells the dashboard it changed. */
export interface ViewOutput extends PageBody {
  /** Asked each round while the page is open; empty when the page can no longer change. */
  probes: Probe[];
  /** Fingerprints of the probes asked while loading (before the data was read). */
  seen: Map<string, string>;
  /** The run's transcript as Markdown (transcript.md only). */
  markdown?: string;
}

/** A fresh reader per page: the hub's config is read at most once per page view. */
export function readerFor(ctx: DashboardContext): HubReader {
  return hubReader({ octokit: ctx.octokit, hub: ctx.hub, appSlug: ctx.appSlug });
}

/** Asks the probes a view depends on before it reads, so a change during the read is seen. */
export async function probeFirst(
  ctx: DashboardContext,
  probes: Probe[],
): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  for (const p of probes) seen.set(p.key, await ctx.probes.check(p, 2_000));
  return seen;
}
