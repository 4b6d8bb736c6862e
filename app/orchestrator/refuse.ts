import type { GitHubClient } from "../gateway/client.ts";
import { keyedComment } from "../gateway/apply-actions.ts";
import { findMarkers } from "../spec/markers.ts";
import { splitRepo } from "./deps.ts";

/**
 * 👎 on a refused command: GitHub's reaction for "no" (👀 already says "seen"; `confused`
 * would say "not understood", which is not why). A reaction notifies nobody and costs one
 * request, so refusing cannot be turned into a flood of comments.
 */
export const REFUSAL_REACTION = "-1";

export const REFUSAL_TEXT =
  "Only people with write access to this repository can orchestrate or command HavunCore. Commands from others get a 👎 reaction and nothing else.";

const isRefusalKey = (key: string) => key === "refusal" || key.startsWith("refusal-");

export interface RefusalTarget {
  repo: string;
  issue: number;
  /** The comment that held the command; absent when the command was the issue's body. */
  commentId?: number;
}

/**
 * Refuses commands: a 👎 on the comment (or issue), and one short explanation per issue —
 * keyed, looked up once per issue in this process, so repeats add no comment.
 */
export class Refusals {
  private readonly explained = new Set<string>();

  constructor(private readonly botLogin: string) {}

  async refuse(octokit: GitHubClient, t: RefusalTarget): Promise<void> {
    const where = splitRepo(t.repo);
    if (t.commentId === undefined)
      await octokit.rest.reactions.createForIssue({
        ...where,
        issue_number: t.issue,
        content: REFUSAL_REACTION,
      });
    else
      await octokit.rest.reactions.createForIssueComment({
        ...where,
        comment_id: t.commentId,
        content: REFUSAL_REACTION,
      });
    const key = `${t.repo.toLowerCase()}#${t.issue}`;
    if (this.explained.has(key)) return;
    if (!(await this.hasExplanation(octokit, t))) {
      await octokit.rest.issues.createComment({
        ...where,
        issue_number: t.issue,
        body: keyedComment("refusal", REFUSAL_TEXT),
      });
    }
    if (this.explained.size >= 10_000) this.explained.clear();
    this.explained.add(key);
  }

  private async hasExplanation(octokit: GitHubClient, t: RefusalTarget): Promise<boolean> {
    for (let page = 1; ; page++) {
      const r = await octokit.rest.issues.listComments({
        ...splitRepo(t.repo),
        issue_number: t.issue,
        per_page: 100,
        page,
      });
      for (const c of r.data) {
        if (c.user?.login !== this.botLogin) continue;
        if (findMarkers(c.body ?? "", "comment").some((m) => isRefusalKey(m.fields.key ?? "")))
          return true;
      }
      if (r.data.length < 100) break;
    }
    return false;
  }
}

/** Whether the App refused this issue's own `/orchestrate` (its 👎 on the issue). */
export async function wasRefused(
  octokit: GitHubClient,
  repo: string,
  issue: number,
  botLogin: string,
): Promise<boolean> {
  const r = await octokit.rest.reactions.listForIssue({
    ...splitRepo(repo),
    issue_number: issue,
    content: REFUSAL_REACTION,
    per_page: 100,
  });
  return r.data.some((x) => x.user?.login === botLogin);
}
