import type { Actor, SandboxCore } from "../core.ts";
import { GitHubError } from "../http/github-error.ts";
import type { IssueRecord } from "../state/types.ts";
import { afterPush } from "./push.ts";
import { pullOfIssue } from "./reviews.ts";

const refused = (message: string) => new GitHubError(422, message);

/**
 * `PUT …/pulls/{n}/update-branch`: "merging HEAD from the base branch into the pull request
 * branch" — a real merge commit on the head branch by the caller (committed by GitHub), pushed
 * like any push (a `push` event, `pull_request.synchronize`), so an App's push starts workflow runs.
 */
export async function updatePullBranch(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  expectedHeadSha: string | undefined,
): Promise<void> {
  const pr = pullOfIssue(core, issue);
  if (issue.state !== "open" || pr.merged)
    throw refused("Cannot update the branch of a closed pull request.");
  const repo = core.store.repoById(pr.headRepoId);
  const head = await core.git.resolve(repo.id, `refs/heads/${pr.headRef}`);
  const base = await core.git.resolve(pr.repoId, `refs/heads/${pr.baseRef}`);
  if (!head || !base) throw refused("The head or base branch of this pull request is gone.");
  if (expectedHeadSha !== undefined && expectedHeadSha !== head)
    throw refused("expected head sha didn’t match current head ref.");
  if (await core.git.isAncestor(repo.id, base, head))
    throw refused("There are no new commits on the base branch.");
  const who = core.store.accountById(actor.accountId > 0 ? actor.accountId : repo.ownerId);
  const outcome = await core.git.merge(repo.id, {
    base: pr.headRef,
    head: base,
    method: "merge",
    message: `Merge branch '${pr.baseRef}' into ${pr.headRef}`,
    author: {
      name: who.name ?? who.login,
      email: who.email ?? `${who.id}+${who.login}@users.noreply.localhost`,
    },
    committer: { name: "GitHub", email: "noreply@github.com" },
  });
  if (!outcome.ok) {
    pr.mergeable = false;
    throw refused("merge conflict between base and head");
  }
  await afterPush(core, actor, repo, [
    { ref: `refs/heads/${pr.headRef}`, oldSha: head, newSha: outcome.sha },
  ]);
}
