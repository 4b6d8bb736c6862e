import { GitHubError, notFound, validationFailed } from "../../http/github-error.ts";
import { emitEvent } from "../../ops/emit.ts";
import { renameRepo, setArchived } from "../../ops/repo-rename.ts";
import { createRepo } from "../../ops/repos.ts";
import { renderRepo, renderRepoMinimal } from "../../render/repo.ts";
import { renderUser } from "../../render/user.ts";
import type { Role } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";

function repoInput(body: any) {
  return {
    name: body.name,
    description: body.description,
    private: body.private ?? (body.visibility ? body.visibility !== "public" : undefined),
    homepage: body.homepage,
    hasIssues: body.has_issues,
    autoInit: body.auto_init === true,
  };
}

const roleNames: Record<string, Role> = {
  pull: "read",
  triage: "triage",
  push: "write",
  maintain: "maintain",
  admin: "admin",
};

function legacyPermission(role: Role | null): string {
  if (role === "admin") return "admin";
  if (role === "write" || role === "maintain") return "write";
  return role ? "read" : "none";
}

export const repoHandlers: HandlerTable = {
  "repos/get": (req) => ok(renderRepo(req.core, repoOf(req), req.access.actor.accountId)),
  "repos/create-in-org": async (req) => {
    const org = req.core.store.account(String(req.params.org));
    if (!org || org.type !== "Organization") throw notFound();
    req.access.requireOrg(org, "administration", "write");
    const repo = await createRepo(req.core, req.access.actor, org, repoInput(req.body));
    return ok(renderRepo(req.core, repo, req.access.actor.accountId), 201);
  },
  "repos/create-for-authenticated-user": async (req) => {
    if (req.access.token.kind !== "user")
      throw new GitHubError(403, "Resource not accessible by integration");
    const me = req.core.store.accountById(req.access.actor.accountId);
    const repo = await createRepo(req.core, req.access.actor, me, repoInput(req.body));
    return ok(renderRepo(req.core, repo, me.id), 201);
  },
  "repos/update": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "administration", "write");
    const b = req.body;
    // An archived repository takes no change but being unarchived.
    if (repo.archived && b.archived !== false)
      throw new GitHubError(403, "Repository was archived so is read-only.");
    if (b.name !== undefined) renameRepo(req.core, req.access.actor, repo, String(b.name));
    if (b.archived !== undefined)
      setArchived(req.core, req.access.actor, repo, Boolean(b.archived));
    if (b.default_branch !== undefined) {
      if (!(await req.core.git.resolve(repo.id, `refs/heads/${b.default_branch}`))) {
        throw validationFailed(
          "Repository",
          "default_branch",
          "invalid",
          `The branch ${b.default_branch} was not found.`,
        );
      }
      repo.defaultBranch = String(b.default_branch);
      await req.core.git.setHead(repo.id, repo.defaultBranch);
    }
    if (b.description !== undefined) repo.description = b.description;
    if (b.homepage !== undefined) repo.homepage = b.homepage;
    if (b.private !== undefined) repo.private = Boolean(b.private);
    if (b.has_issues !== undefined) repo.hasIssues = Boolean(b.has_issues);
    repo.updatedAt = req.core.store.now();
    emitEvent(req.core, req.access.actor, "repository", "edited", repo.id, {
      repository: renderRepo(req.core, repo),
      changes: {},
    });
    req.core.store.changed();
    return ok(renderRepo(req.core, repo, req.access.actor.accountId));
  },
  "repos/list-for-org": (req) => {
    const org = req.core.store.account(String(req.params.org));
    if (!org || org.type !== "Organization") throw notFound();
    const all = req.core.store.state.repos.filter(
      (r) => r.ownerId === org.id && req.access.canSee(r),
    );
    const { page, headers } = paginate(req, all);
    return { status: 200, body: page.map((r) => renderRepoMinimal(req.core, r)), headers };
  },
  "repos/get-collaborator-permission-level": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "metadata", "read");
    const user = req.core.store.account(String(req.params.username));
    if (!user) throw notFound();
    const role = req.core.store.roleOf(user.id, repo);
    const direct =
      repo.collaborators[user.login.toLowerCase()] ||
      repo.ownerId === user.id ||
      req.core.store.accountById(repo.ownerId).members?.[user.login.toLowerCase()];
    if (!direct && !role) throw new GitHubError(404, `${user.login} is not a user`);
    return ok({
      permission: legacyPermission(role),
      role_name: role ?? "none",
      user: {
        ...renderUser(req.core.urls, user),
        permissions: {
          admin: role === "admin",
          maintain: role === "maintain" || role === "admin",
          push: ["write", "maintain", "admin"].includes(role ?? ""),
          triage: role !== "read" && role !== null,
          pull: role !== null,
        },
        role_name: role ?? "none",
      },
    });
  },
  "repos/check-collaborator": (req) => {
    const repo = repoOf(req);
    const user = req.core.store.account(String(req.params.username));
    if (!user || !req.core.store.roleOf(user.id, repo)) throw notFound();
    return noContent();
  },
  "repos/add-collaborator": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "administration", "write");
    const user = req.core.store.account(String(req.params.username));
    if (!user) throw notFound();
    const role =
      roleNames[String(req.body?.permission ?? "push")] ?? (req.body?.permission as Role);
    if (!["read", "triage", "write", "maintain", "admin"].includes(role))
      throw validationFailed("Repository", "permission", "invalid");
    repo.collaborators[user.login.toLowerCase()] = role;
    req.core.store.changed();
    return noContent();
  },
  "repos/remove-collaborator": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "administration", "write");
    delete repo.collaborators[String(req.params.username).toLowerCase()];
    req.core.store.changed();
    return noContent();
  },
  "repos/create-dispatch-event": (req: RestRequest) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "write");
    const eventType = String(req.body.event_type ?? "");
    if (!eventType || eventType.length > 100)
      throw validationFailed("Repository", "event_type", "invalid");
    emitEvent(req.core, req.access.actor, "repository_dispatch", eventType, repo.id, {
      branch: repo.defaultBranch,
      client_payload: req.body.client_payload ?? null,
    });
    return noContent();
  },
};
