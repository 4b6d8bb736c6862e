import type { OrchestrationState } from "../core/state.ts";
import type { OrchestratorDeps } from "../orchestrator/deps.ts";
import { splitRepo } from "./client.ts";
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
): Promise<OrchestrationState | null> {
  const state = await readOrchestration(deps.octokit.graphql, hub, number, {
    appSlug: deps.appSlug,
    signer: deps.signer,
  });
  if (!state) return null;
  const bot = (l: string | null) => l === deps.appSlug || l === `${deps.appSlug}[bot]`;
  for (const s of state.subIssues) {
    const by = s.closedBy;
    if (!by || by.pull || by.commit || !by.actor || bot(by.actor)) continue;
    if (s.stateReason !== "completed") continue;
    by.actorCanWrite = await canWriteRepo(deps, s.repo, by.actor);
  }
  return state;
}
