import type { HubConfig } from "../config/hub-config-schema.ts";
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

/**
 * The hub config narrowed to the projects `login` may write to: a plan asked for by someone is
 * planned (and its READMEs read) only in repositories they could change themselves, so a
 * writer on one project cannot have agents work in, or the planner read, the others.
 */
export async function scopeToWriter(
  deps: OrchestratorDeps,
  config: HubConfig,
  login: string,
): Promise<{ config: HubConfig; excluded: string[] }> {
  const allowed: HubConfig["projects"] = [];
  const excluded: string[] = [];
  for (const p of config.projects) {
    if (await canWrite(deps, p.repo, login)) allowed.push(p);
    else excluded.push(p.repo);
  }
  return { config: { ...config, projects: allowed }, excluded };
}
