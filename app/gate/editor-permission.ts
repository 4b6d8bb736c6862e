import { splitRepo, type GitHubClient } from "../gateway/client.ts";

/**
 * Whether a person has write, maintain or admin permission on a repository (GitHub's collaborator
 * permission; the same rule as the App's command check in app/orchestrator/authorize.ts). Triage
 * and read are not enough: they cannot edit someone else's pull request body.
 */
export async function hasWriteAccess(
  octokit: GitHubClient,
  repo: string,
  login: string,
): Promise<boolean> {
  try {
    const r = await octokit.rest.repos.getCollaboratorPermissionLevel({
      ...splitRepo(repo),
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
