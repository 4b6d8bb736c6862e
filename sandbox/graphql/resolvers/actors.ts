import { nodeId } from "../../state/node-id.ts";
import type { AccountRecord } from "../../state/types.ts";
import { int, onlyArgs, optStr, str } from "../args.ts";
import { paginate } from "../connection.ts";
import type { GqlContext } from "../context.ts";
import { GqlError } from "../errors.ts";
import { projectObj, repoObj, type AccountObj } from "../objects.ts";
import { canReadProject, requireProject } from "../project-access.ts";
import { defineType, type Resolver } from "../registry.ts";

const PAGE = ["first", "last", "after", "before"];

/** GraphQL shows an App's bot as `my-app`, where REST shows `my-app[bot]`. */
function login(a: AccountRecord, typename: AccountObj["__typename"]): string {
  return typename === "Bot" ? a.login.replace(/\[bot\]$/, "") : a.login;
}

function webUrl(ctx: GqlContext, s: AccountObj): string {
  const path = s.__typename === "Bot" ? `apps/${login(s.record, "Bot")}` : s.record.login;
  return `${ctx.core.urls.server}/${path}`;
}

const actorFields: Record<string, Resolver<AccountObj>> = {
  id: (s) =>
    nodeId(
      s.record.type === "Organization" ? "Organization" : s.record.type === "Bot" ? "Bot" : "User",
      s.record.id,
    ),
  databaseId: (s) => s.record.id,
  login: (s) => login(s.record, s.__typename),
  url: (s, _a, ctx) => webUrl(ctx, s),
  resourcePath: (s, _a, ctx) => new URL(webUrl(ctx, s)).pathname,
  avatarUrl: (s, _a, ctx) => `${ctx.core.urls.server}/avatars/u/${s.record.id}?v=4`,
  createdAt: (s) => s.record.createdAt,
  updatedAt: (s) => s.record.createdAt,
};

/** Fields of repository and project owners (User, Organization). */
const ownerFields: Record<string, Resolver<AccountObj>> = {
  ...actorFields,
  name: (s) => s.record.name,
  repository: (s, args, ctx, info) => {
    onlyArgs(info, args, ["name"]);
    const repo = ctx.core.store.repo(s.record.login, str(args, "name"));
    return repo && ctx.access.canSee(repo) ? repoObj(repo) : null;
  },
  projectV2: (s, args, ctx) => {
    const project = ctx.core.store.state.projects.find(
      (p) => p.ownerId === s.record.id && p.number === int(args, "number"),
    );
    if (!project) {
      throw new GqlError(
        "NOT_FOUND",
        `Could not resolve to a ProjectV2 with the number ${int(args, "number")}.`,
      );
    }
    requireProject(ctx, project, "read");
    return projectObj(project);
  },
  /**
   * The owner's projects the caller can read, newest number first (the default order); `query`
   * keeps those whose title contains it, ignoring case (the sandbox searches titles only).
   */
  projectsV2: (s, args, ctx, info) => {
    onlyArgs(info, args, [...PAGE, "query"]);
    const query = optStr(args, "query")?.trim().toLowerCase() ?? "";
    const projects = ctx.core.store.state.projects
      .filter(
        (p) =>
          p.ownerId === s.record.id &&
          canReadProject(ctx, p) &&
          p.title.toLowerCase().includes(query),
      )
      .sort((a, b) => b.number - a.number);
    return paginate(projects, args, info, projectObj);
  },
};

export const userType = defineType<AccountObj>("User", {
  ...ownerFields,
  email: (s) => s.record.email ?? "",
  isViewer: (s, _a, ctx) => s.record.id === ctx.access.actor.accountId,
});

export const organizationType = defineType<AccountObj>("Organization", {
  ...ownerFields,
  email: (s) => s.record.email,
  viewerIsAMember: (s, _a, ctx) => {
    const me = ctx.core.store.state.accounts.find((a) => a.id === ctx.access.actor.accountId);
    return me ? s.record.members?.[me.login.toLowerCase()] !== undefined : false;
  },
});

export const botType = defineType<AccountObj>("Bot", actorFields);
