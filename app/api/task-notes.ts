import { splitRepo, type GitHubClient } from "../gateway/client.ts";
import { canWrite } from "../orchestrator/authorize.ts";
import type { OrchestratorDeps } from "../orchestrator/deps.ts";
import { stripHidden } from "../text/strip-hidden.ts";

const NOTE = /^\s*\/note\s+/i;

export type IssueComment = Awaited<
  ReturnType<GitHubClient["rest"]["issues"]["listComments"]>
>["data"][number];

/** A sub-issue's comments (its first 100), or none without a request when it has none. */
export async function taskComments(
  octokit: GitHubClient,
  o: { repo: string; issue: number; count: number },
): Promise<IssueComment[]> {
  if (o.count === 0) return [];
  const list = await octokit.rest.issues.listComments({
    ...splitRepo(o.repo),
    issue_number: o.issue,
    per_page: 100,
  });
  return list.data;
}

/**
 * `/note` comments on a sub-issue that become instructions for its agent: only from people with
 * write permission on the hub (the permission API, not author association, which counts
 * read-only members and collaborators), hidden content stripped, oldest first.
 */
export async function writerNotes(
  comments: IssueComment[],
  deps: OrchestratorDeps,
  o: { hub: string },
): Promise<string[]> {
  const verdicts = new Map<string, boolean>();
  const notes: string[] = [];
  for (const c of comments) {
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
