import type { Actor, SandboxCore } from "../core.ts";
import { GitHubError } from "../http/github-error.ts";
import type { MergeMethod } from "../git/types.ts";
import type { IssueRecord } from "../state/types.ts";
import { closingReferences } from "./closing-references.ts";
import { emitEvent } from "./emit.ts";
import { setState } from "./issues.ts";
import { afterPush } from "./push.ts";
import { enforceRequiredChecks } from "./required-checks.ts";
import { renderPull } from "../render/pull.ts";

export interface MergeRequest {
  method: MergeMethod;
  sha?: string;
  title?: string;
  message?: string;
}

/** Merges for real (merge commit, squash or rebase), then closes the PR and the issues it closes. */
export async function mergePull(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  m: MergeRequest,
): Promise<string> {
  const pr = core.store.pull(issue.id);
  if (!pr) throw new GitHubError(404, "Not Found");
  if (pr.merged || issue.state !== "open")
    throw new GitHubError(405, "Pull Request is not mergeable");
  if (m.sha && m.sha !== pr.headSha)
    throw new GitHubError(409, "Head branch was modified. Review and try the merge again.");
  if (pr.draft) throw new GitHubError(405, "Pull Request is still a draft");
  const repo = core.store.repoById(pr.repoId);
  const before = await core.git.resolve(repo.id, `refs/heads/${pr.baseRef}`);
  if (!before) throw new GitHubError(405, "Base branch was deleted");
  await enforceRequiredChecks(core, actor, repo, pr);
  const who = core.store.accountById(actor.accountId > 0 ? actor.accountId : repo.ownerId);
  const author = {
    name: who.name ?? who.login,
    email: who.email ?? `${who.id}+${who.login}@users.noreply.localhost`,
  };
  const title =
    m.title ??
    (m.method === "squash"
      ? `${issue.title} (#${issue.number})`
      : `Merge pull request #${issue.number} from ${core.store.accountById(repo.ownerId).login}/${pr.headRef}`);
  const message =
    m.message !== undefined
      ? `${title}\n\n${m.message}`
      : m.method === "merge"
        ? `${title}\n\n${issue.title}`
        : title;
  const outcome = await core.git.merge(repo.id, {
    base: pr.baseRef,
    head: pr.headSha,
    method: m.method,
    message,
    author,
    committer: { name: "GitHub", email: "noreply@github.com" },
  });
  if (!outcome.ok) {
    pr.mergeable = false;
    throw new GitHubError(405, "Pull Request is not mergeable");
  }
  const now = core.store.now();
  Object.assign(pr, {
    merged: true,
    mergedAt: now,
    mergedById: who.id,
    mergeCommitSha: outcome.sha,
    baseSha: before,
    mergeable: null,
  });
  setState(core, actor, issue, "closed", null);
  emitEvent(core, actor, "pull_request", "closed", repo.id, {
    number: issue.number,
    pull_request: renderPull(core, issue),
  });
  // The pull request's own closing references close first (their ClosedEvent's closer is the
  // pull request); what the merge commit's message references afterwards is already closed.
  if (pr.baseRef === repo.defaultBranch) {
    for (const ref of closingReferences(issue.body)) {
      const target = ref.owner && ref.repo ? core.store.repo(ref.owner, ref.repo) : repo;
      const closed = target ? core.store.issue(target.id, ref.number) : undefined;
      if (!closed || closed.isPull || closed.state !== "open" || !target) continue;
      if (target.ownerId !== repo.ownerId && target.private) continue;
      setState(core, actor, closed, "closed", "completed", { kind: "pull", issueId: issue.id });
    }
  }
  await afterPush(core, actor, repo, [
    { ref: `refs/heads/${pr.baseRef}`, oldSha: before, newSha: outcome.sha },
  ]);
  core.store.changed();
  return outcome.sha;
}
