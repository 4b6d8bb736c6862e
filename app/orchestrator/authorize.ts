import { splitRepo, type OrchestratorDeps } from "./deps.ts";

/** Write, maintain or admin on the hub may orchestrate and command (GitHub's collaborator permission). */
export async function canWrite(
  deps: OrchestratorDeps,
  hub: string,
  login: string,
): Promise<boolean> {
  try {
    const r = await deps.octokit.rest.repos.getCollaboratorPermissionLevel({
      ...splitRepo(hub),
      username: login,
    });
    return (
      r.data.permission === "admin" ||
      r.data.permission === "write" ||
      ["maintain", "write", "admin"].includes(r.data.role_name)
    );
  } catch (err) {
    if ((err as { status?: number }).status === 404) return false;
    throw err;
  }
}
