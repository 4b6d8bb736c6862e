import { splitRepo, type GitHubClient } from "../gateway/client.ts";
import { AGENT_PROGRESS_MARKER, renderAgentProgress } from "../render/agent-progress.ts";

/** Creates or updates the sub-issue's progress comment, as the App (never the agent's job). */
export async function writeProgress(
  octokit: GitHubClient,
  o: {
    repo: string;
    issue: number;
    appSlug: string;
    taskId: string;
    state: string;
    runUrl: string;
    steps: string[];
  },
  /** The sub-issue's comments when the caller has just read them: not listed again. */
  listed?: { id: number; body?: string; user?: { login: string } | null }[],
): Promise<void> {
  const body = renderAgentProgress(o);
  const key = `${o.repo.toLowerCase()}#${o.issue}`;
  const known = comments.get(key);
  if (known) {
    // The comment this process wrote or found before: updated without listing them again.
    if (known.body === body) return;
    const updated = await octokit.rest.issues
      .updateComment({ ...splitRepo(o.repo), comment_id: known.id, body })
      .then(() => true)
      .catch((err: { status?: number }) => {
        if (err.status === 404) return false; // deleted: find or make it again
        throw err;
      });
    if (updated) {
      remember(key, known.id, body);
      return;
    }
    comments.delete(key);
  }
  const bot = `${o.appSlug}[bot]`;
  const list =
    listed ??
    (
      await octokit.rest.issues.listComments({
        ...splitRepo(o.repo),
        issue_number: o.issue,
        per_page: 100,
      })
    ).data;
  const existing = list.find(
    (c) => c.user?.login === bot && (c.body ?? "").includes(AGENT_PROGRESS_MARKER),
  );
  if (existing) {
    if (existing.body !== body)
      await octokit.rest.issues.updateComment({
        ...splitRepo(o.repo),
        comment_id: existing.id,
        body,
      });
    remember(key, existing.id, body);
    return;
  }
  const made = await octokit.rest.issues.createComment({
    ...splitRepo(o.repo),
    issue_number: o.issue,
    body,
  });
  remember(key, made.data.id, body);
}

/** The id of a sub-issue's progress comment, when this process wrote or found it. */
export function knownProgressComment(repo: string, issue: number): number | null {
  return comments.get(`${repo.toLowerCase()}#${issue}`)?.id ?? null;
}

/** Each sub-issue's progress comment as this process last wrote it (a bounded memory). */
const comments = new Map<string, { id: number; body: string }>();

function remember(key: string, id: number, body: string): void {
  comments.delete(key);
  comments.set(key, { id, body });
  if (comments.size > 1000) comments.delete(comments.keys().next().value!);
}
