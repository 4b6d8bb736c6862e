import type { SandboxCore } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { CommentRecord } from "../state/types.ts";
import { renderAppById } from "./app.ts";
import { authorAssociation, issueApiUrl, issueHtmlUrl } from "./issue.ts";
import { renderReactionRollup } from "./reactions.ts";
import { renderUser } from "./user.ts";

/** An `issue-comment`. */
export function renderComment(core: SandboxCore, c: CommentRecord): Record<string, unknown> {
  const issue = core.store.issueById(c.issueId);
  if (!issue) throw new Error(`sandbox: comment ${c.id} has no issue`);
  const full = core.store.fullName(core.store.repoById(c.repoId));
  const url = `${core.urls.api}/repos/${full}/issues/comments/${c.id}`;
  return {
    id: c.id,
    node_id: nodeId("IssueComment", c.id),
    url,
    html_url: `${issueHtmlUrl(core, issue)}#issuecomment-${c.id}`,
    body: c.body,
    user: renderUser(core.urls, core.store.accountById(c.userId)),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: issueApiUrl(core, issue),
    author_association: authorAssociation(core, c.userId, c.repoId),
    performed_via_github_app: renderAppById(core, c.performedViaAppId),
    reactions: renderReactionRollup(core, url, { kind: "comment", id: c.id }),
  };
}
