import { GitHubError } from "../http/github-error.ts";
import type { ProjectRecord } from "../state/types.ts";
import type { GqlContext } from "./context.ts";
import { GqlError } from "./errors.ts";

/**
 * Organization projects need the `organization_projects` permission (App tokens) or membership
 * (users, via Access.requireOrg); a user's own projects are open to that user's token only.
 */
export function requireProject(
  ctx: GqlContext,
  project: ProjectRecord,
  level: "read" | "write",
): void {
  const owner = ctx.core.store.accountById(project.ownerId);
  if (owner.type === "Organization") {
    try {
      ctx.access.requireOrg(owner, "organization_projects", level);
    } catch (err) {
      if (err instanceof GitHubError && err.status === 404) {
        throw new GqlError(
          "NOT_FOUND",
          `Could not resolve to a ProjectV2 with the number ${project.number}.`,
        );
      }
      throw err;
    }
    return;
  }
  if (ctx.access.token.kind === "user" && ctx.access.actor.accountId === owner.id) return;
  throw new GitHubError(403, "Resource not accessible by integration");
}

export function canReadProject(ctx: GqlContext, project: ProjectRecord): boolean {
  return allowed(ctx, project, "read");
}

export function canWriteProject(ctx: GqlContext, project: ProjectRecord): boolean {
  return allowed(ctx, project, "write");
}

function allowed(ctx: GqlContext, project: ProjectRecord, level: "read" | "write"): boolean {
  try {
    requireProject(ctx, project, level);
    return true;
  } catch (err) {
    if (err instanceof GitHubError || err instanceof GqlError) return false;
    throw err;
  }
}

export function readableProjects(ctx: GqlContext): ProjectRecord[] {
  return ctx.core.store.state.projects.filter((p) => canReadProject(ctx, p));
}
