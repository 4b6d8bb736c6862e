import { GitHubError } from "../../http/github-error.ts";
import { updatePullBranch } from "../../ops/update-branch.ts";
import { pullRequestOf } from "../review-lookup.ts";
import { ok, type HandlerTable } from "../types.ts";

/**
 * `PUT …/pulls/{n}/update-branch`. A person needs push access to the head repository; "if making
 * a request on behalf of a GitHub App you must also have permissions to write the contents of
 * the head repository" (REST reference).
 */
export const updateBranchHandlers: HandlerTable = {
  "pulls/update-branch": async (req) => {
    const { issue } = pullRequestOf(req);
    const pr = req.core.store.pull(issue.id);
    const head = req.core.store.repoById(pr?.headRepoId ?? issue.repoId);
    req.access.require(head, "pull_requests", "write");
    req.access.require(head, "contents", "write");
    if (req.access.token.kind === "user") {
      const role = req.core.store.roleOf(req.access.actor.accountId, head);
      if (role !== "write" && role !== "maintain" && role !== "admin")
        throw new GitHubError(403, "Must have push access to repository.");
    }
    const expected = (req.body as { expected_head_sha?: string } | null)?.expected_head_sha;
    await updatePullBranch(req.core, req.access.actor, issue, expected);
    const full = req.core.store.fullName(req.core.store.repoById(issue.repoId));
    return ok(
      {
        message: "Updating pull request branch.",
        url: `${req.core.urls.server}/repos/${full}/pulls/${issue.number}`,
      },
      202,
    );
  },
};
