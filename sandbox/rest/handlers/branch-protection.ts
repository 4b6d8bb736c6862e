import { GitHubError } from "../../http/github-error.ts";
import { deleteProtection, protectionOf, putProtection } from "../../ops/branch-protection.ts";
import { renderProtection } from "../../render/ruleset.ts";
import { repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";

/**
 * Classic branch protection: "Protecting a branch requires admin or owner permissions to the
 * repository" (an App: `administration: write`); reading it needs `administration: read`.
 */
function admin(req: RestRequest, level: "read" | "write") {
  const repo = repoOf(req);
  req.access.require(repo, "administration", req.access.token.kind === "user" ? "admin" : level);
  return { repo, branch: String(req.params.branch) };
}

export const branchProtectionHandlers: HandlerTable = {
  "repos/get-branch-protection": (req) => {
    const { repo, branch } = admin(req, "read");
    const p = protectionOf(req.core, repo, branch);
    if (!p) throw new GitHubError(404, "Branch not protected");
    return ok({ ...renderProtection(req.core, repo, p), name: branch, enabled: true });
  },
  "repos/update-branch-protection": async (req) => {
    const { repo, branch } = admin(req, "write");
    if (!(await req.core.git.readRef(repo.id, `refs/heads/${branch}`)))
      throw new GitHubError(404, "Branch not found");
    const p = putProtection(req.core, repo, branch, req.body);
    return ok(renderProtection(req.core, repo, p));
  },
  "repos/delete-branch-protection": (req) => {
    const { repo, branch } = admin(req, "write");
    if (!deleteProtection(req.core, repo, branch))
      throw new GitHubError(404, "Branch not protected");
    return noContent();
  },
};
