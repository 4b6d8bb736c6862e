import { splitRepo, type GitHubClient } from "../gateway/client.ts";
import { canWrite } from "../orchestrator/authorize.ts";
import type { OrchestratorDeps } from "../orchestrator/deps.ts";
import { stripHidden } from "../text/strip-hidden.ts";

const NOTE = /^\s*\/note\s+/i;

/**
 * `/note` comments on a sub-issue that become instructions for its agent: only from people with
 * write permission on the hub (the permission API, not author association, which counts
 * read-only members and collaborators), hidden content stripped, oldest first.
 */
export async function writerNotes(
  octokit: GitHubClient,
  deps: OrchestratorDeps,
  o: { repo: string; issue: number; hub: string },
): Promise<string[]> {
  const list = await octokit.rest.issues.listComments({
    ...splitRepo(o.repo),
    issue_number: o.issue,
    per_page: 100,
  });
  const verdicts = new Map<string, boolean>();
  const notes: string[] = [];
  for (const c of list.data) {
    const body = c.body ?? "";
    const login = c.user?.login;
    if (!login || !NOTE.test(body) || c.user?.type === "Bot") continue;
    if (!verdicts.has(login)) verdicts.set(login, await canWrite(deps, o.hub, login));
    if (!verdicts.get(login)) continue;
    const text = stripHidden(body.replace(NOTE, "")).trim();
    if (text) notes.push(text.slice(0, 4000));
  }
  return notes.slice(-20);
}
