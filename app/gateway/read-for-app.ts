import type { HubConfig } from "../config/hub-config-schema.ts";
import type { OrchestrationState } from "../core/state.ts";
import type { OrchestratorDeps } from "../orchestrator/deps.ts";
import { splitRepo } from "./client.ts";
import { conditionalReads } from "./conditional.ts";
import { readOrchestration } from "./read-orchestration.ts";

async function canWriteRepo(deps: OrchestratorDeps, repo: string, login: string): Promise<boolean> {
  try {
    const r = await deps.octokit.rest.repos.getCollaboratorPermissionLevel({
      ...splitRepo(repo),
      username: login,
    });
    return (
      ["admin", "write"].includes(r.data.permission) ||
      ["maintain", "write", "admin"].includes(r.data.role_name)
    );
  } catch (err) {
    if ((err as { status?: number }).status === 404) return false;
    throw err;
  }
}

/**
 * The orchestration as the App acts on it: read with the App's key, and for each sub-issue a
 * person closed by hand, whether that person may write to its repository (only a writer's
 * close finishes a task). One permission request per such sub-issue, none otherwise.
 */
export async function readForApp(
  deps: OrchestratorDeps,
  hub: string,
  number: number,
  /** The hub's config: its project board is read with the orchestration. */
  config?: HubConfig,
): Promise<OrchestrationState | null> {
  conditionalReads(deps.octokit);
  const state = await readOrchestration(deps.octokit.graphql, hub, number, {
    appSlug: deps.appSlug,
    signer: deps.signer,
    board: config?.project_board ?? null,
  });
  if (!state) return null;
  const bot = (l: string | null) => l === deps.appSlug || l === `${deps.appSlug}[bot]`;
  for (const s of state.subIssues) {
    const by = s.closedBy;
    if (!by || by.pull || by.commit || !by.actor || bot(by.actor)) continue;
    if (s.stateReason !== "completed") continue;
    by.actorCanWrite = await canWriteRepo(deps, s.repo, by.actor);
  }
  // Only writers' reviews and `/havun` comments reach an agent: check each author once.
  const verdicts = new Map<string, Promise<boolean>>();
  for (const s of state.subIssues)
    for (const p of s.pulls)
      if (p.own && p.state === "OPEN")
        for (const r of p.requests) {
          const key = `${p.repo}:${r.author}`;
          if (!verdicts.has(key)) verdicts.set(key, canWriteRepo(deps, p.repo, r.author));
          r.canWrite = await verdicts.get(key)!;
        }
  return state;
}
