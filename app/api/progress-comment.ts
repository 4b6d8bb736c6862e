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
): Promise<void> {
  const body = renderAgentProgress(o);
  const bot = `${o.appSlug}[bot]`;
  const list = await octokit.rest.issues.listComments({
    ...splitRepo(o.repo),
    issue_number: o.issue,
    per_page: 100,
  });
  const existing = list.data.find(
    (c) => c.user?.login === bot && (c.body ?? "").includes(AGENT_PROGRESS_MARKER),
  );
  if (existing) {
    if (existing.body !== body)
      await octokit.rest.issues.updateComment({
        ...splitRepo(o.repo),
        comment_id: existing.id,
        body,
      });
    return;
  }
  await octokit.rest.issues.createComment({ ...splitRepo(o.repo), issue_number: o.issue, body });
}
