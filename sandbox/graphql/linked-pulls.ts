import type { SandboxCore } from "../core.ts";
import { closingReferences } from "../ops/closing-references.ts";
import type { IssueRecord } from "../state/types.ts";

/**
 * The issues a pull request's body closes (`Closes #3`, `fixes owner/repo#4`, an issue URL), by
 * the rules the merge applies (ops/merge-pull.ts): only for PRs into the default branch, and
 * across owners only to public repositories.
 */
export function closingIssues(core: SandboxCore, pullIssue: IssueRecord): IssueRecord[] {
  const pr = core.store.pull(pullIssue.id);
  const repo = core.store.repoById(pullIssue.repoId);
  if (!pr || pr.baseRef !== repo.defaultBranch) return [];
  const found = new Map<number, IssueRecord>();
  for (const ref of closingReferences(pullIssue.body)) {
    const target = ref.owner && ref.repo ? core.store.repo(ref.owner, ref.repo) : repo;
    if (!target || (target.ownerId !== repo.ownerId && target.private)) continue;
    const issue = core.store.issue(target.id, ref.number);
    if (issue && !issue.isPull) found.set(issue.id, issue);
  }
  return [...found.values()];
}

/** The pull requests whose bodies close this issue (GitHub's "linked pull requests"), oldest first. */
export function closingPulls(core: SandboxCore, issue: IssueRecord): IssueRecord[] {
  return core.store.state.issues.filter(
    (i) => i.isPull && closingIssues(core, i).some((c) => c.id === issue.id),
  );
}
