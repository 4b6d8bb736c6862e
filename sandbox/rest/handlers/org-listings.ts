import { notFound } from "../../http/github-error.ts";
import { renderInstallation } from "../../render/installation.ts";
import { paginate, repoOf } from "../lookup.ts";
import { ok, type HandlerTable } from "../types.ts";

/**
 * Listings a person's token reads about an organization: its App installations ("The
 * authenticated user must be an organization owner"), and the organization secrets and
 * variables shared with a repository — the sandbox has none at organization level, so those
 * lists are empty (setting one is not implemented and fails as such).
 */
export const orgListingHandlers: HandlerTable = {
  "orgs/list-app-installations": (req) => {
    const org = req.core.store.account(String(req.params.org));
    if (!org || org.type !== "Organization") throw notFound();
    req.access.requireOrg(
      org,
      "organization_administration",
      req.access.token.kind === "user" ? "admin" : "read",
    );
    const all = req.core.store.state.installations.filter((i) => i.accountId === org.id);
    const { page, headers } = paginate(req, all);
    return {
      status: 200,
      headers,
      body: {
        total_count: all.length,
        installations: page.map((i) => renderInstallation(req.core, i)),
      },
    };
  },
  "actions/list-repo-organization-secrets": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "secrets", "read");
    return ok({ total_count: 0, secrets: [] });
  },
  "actions/list-repo-organization-variables": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "actions_variables", "read");
    return ok({ total_count: 0, variables: [] });
  },
};
