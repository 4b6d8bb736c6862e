import { nodeId } from "../../state/node-id.ts";
import type { IssueRecord, RepoRecord } from "../../state/types.ts";
import { int, onlyArgs, optStr, str, strList } from "../args.ts";
import { paginate } from "../connection.ts";
import { requireRepo, type GqlContext } from "../context.ts";
import { GqlError } from "../errors.ts";
import { accountObj, issueLikeObj, labelObj, projectObj, type RepoObj } from "../objects.ts";
import { canReadProject, requireProject } from "../project-access.ts";
import { defineType, type Args } from "../registry.ts";
import type { RefObj } from "./commit.ts";
import { gitObject } from "./git-object.ts";

const PAGE = ["first", "last", "after", "before"];

function webUrl(ctx: GqlContext, repo: RepoRecord): string {
  return `${ctx.core.urls.server}/${ctx.core.store.fullName(repo)}`;
}

/** `orderBy: {field: CREATED_AT | UPDATED_AT | COMMENTS, direction}`; GitHub's default is oldest first. */
function ordered(ctx: GqlContext, list: IssueRecord[], args: Args): IssueRecord[] {
  const order = args.orderBy as { field: string; direction: string } | undefined;
  if (!order) return list;
  const comments = (i: IssueRecord) =>
    ctx.core.store.state.comments.filter((c) => c.issueId === i.id).length;
  const key = (i: IssueRecord): string | number =>
    order.field === "UPDATED_AT"
      ? i.updatedAt
      : order.field === "COMMENTS"
        ? comments(i)
        : i.createdAt;
  const sign = order.direction === "DESC" ? -1 : 1;
  return [...list].sort((a, b) =>
    key(a) < key(b) ? -sign : key(a) > key(b) ? sign : sign * (a.id - b.id),
  );
}

function withLabels(
  ctx: GqlContext,
  list: IssueRecord[],
  names: string[] | undefined,
): IssueRecord[] {
  if (!names) return list;
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return list.filter((i) =>
    i.labelIds.some((id) =>
      wanted.has(ctx.core.store.state.labels.find((l) => l.id === id)?.name.toLowerCase() ?? ""),
    ),
  );
}

function issuesOf(ctx: GqlContext, repo: RepoRecord, pulls: boolean): IssueRecord[] {
  return ctx.core.store.state.issues.filter((i) => i.repoId === repo.id && i.isPull === pulls);
}

function byNumber(ctx: GqlContext, repo: RepoRecord, args: Args, pull: boolean) {
  const what = pull ? "PullRequest" : "Issue";
  requireRepo(ctx, repo, pull ? "pull_requests" : "issues", "read");
  const issue = ctx.core.store.issue(repo.id, int(args, "number"));
  if (!issue || issue.isPull !== pull) {
    throw new GqlError(
      "NOT_FOUND",
      `Could not resolve to ${pull ? "a" : "an"} ${what} with the number of ${int(args, "number")}.`,
    );
  }
  return issueLikeObj(ctx.core, issue);
}

function ownerProjects(ctx: GqlContext, repo: RepoRecord) {
  return ctx.core.store.state.projects.filter((p) => p.ownerId === repo.ownerId);
}

export const repositoryType = defineType<RepoObj>("Repository", {
  id: (s) => nodeId("Repository", s.record.id),
  databaseId: (s) => s.record.id,
  name: (s) => s.record.name,
  nameWithOwner: (s, _a, ctx) => ctx.core.store.fullName(s.record),
  owner: (s, _a, ctx) => accountObj(ctx.core.store.accountById(s.record.ownerId)),
  url: (s, _a, ctx) => webUrl(ctx, s.record),
  resourcePath: (s, _a, ctx) => new URL(webUrl(ctx, s.record)).pathname,
  sshUrl: (s, _a, ctx) =>
    `git@${new URL(ctx.core.urls.server).host}:${ctx.core.store.fullName(s.record)}.git`,
  description: (s) => s.record.description,
  homepageUrl: (s) => s.record.homepage,
  isPrivate: (s) => s.record.private,
  visibility: (s) => (s.record.private ? "PRIVATE" : "PUBLIC"),
  hasIssuesEnabled: (s) => s.record.hasIssues,
  createdAt: (s) => s.record.createdAt,
  updatedAt: (s) => s.record.updatedAt,
  pushedAt: (s) => s.record.pushedAt,
  isInOrganization: (s, _a, ctx) =>
    ctx.core.store.accountById(s.record.ownerId).type === "Organization",
  defaultBranchRef: (s): RefObj => ({
    __typename: "Ref",
    repo: s.record,
    name: s.record.defaultBranch,
  }),
  issue: (s, args, ctx) => byNumber(ctx, s.record, args, false),
  pullRequest: (s, args, ctx) => byNumber(ctx, s.record, args, true),
  issueOrPullRequest: (s, args, ctx) => {
    const issue = ctx.core.store.issue(s.record.id, int(args, "number"));
    return byNumber(ctx, s.record, args, issue?.isPull ?? false);
  },
  issues: (s, args, ctx, info) => {
    onlyArgs(info, args, [...PAGE, "states", "labels", "orderBy"]);
    requireRepo(ctx, s.record, "issues", "read");
    const states = strList(args, "states")?.map((x) => x.toLowerCase());
    let list = issuesOf(ctx, s.record, false).filter((i) => !states || states.includes(i.state));
    list = ordered(ctx, withLabels(ctx, list, strList(args, "labels")), args);
    return paginate(list, args, info, (i) => issueLikeObj(ctx.core, i));
  },
  pullRequests: (s, args, ctx, info) => {
    onlyArgs(info, args, [...PAGE, "states", "labels", "orderBy", "headRefName", "baseRefName"]);
    requireRepo(ctx, s.record, "pull_requests", "read");
    const states = strList(args, "states");
    const head = optStr(args, "headRefName");
    const base = optStr(args, "baseRefName");
    let list = issuesOf(ctx, s.record, true).filter((i) => {
      const pr = ctx.core.store.pull(i.id);
      if (!pr) return false;
      const state = pr.merged ? "MERGED" : i.state.toUpperCase();
      return (
        (!states || states.includes(state)) &&
        (!head || pr.headRef === head) &&
        (!base || pr.baseRef === base)
      );
    });
    list = ordered(ctx, withLabels(ctx, list, strList(args, "labels")), args);
    return paginate(list, args, info, (i) => issueLikeObj(ctx.core, i));
  },
  label: (s, args, ctx) => {
    const label = ctx.core.store.label(s.record.id, str(args, "name"));
    return label ? labelObj(label) : null;
  },
  labels: (s, args, ctx, info) => {
    onlyArgs(info, args, [...PAGE, "query", "orderBy"]);
    const query = optStr(args, "query")?.toLowerCase();
    const order = args.orderBy as { field: string; direction: string } | undefined;
    let labels = ctx.core.store.state.labels.filter(
      (l) => l.repoId === s.record.id && (!query || l.name.toLowerCase().includes(query)),
    );
    if (order?.field === "NAME") labels = [...labels].sort((a, b) => a.name.localeCompare(b.name));
    if (order?.direction === "DESC") labels = [...labels].reverse();
    return paginate(labels, args, info, labelObj);
  },
  /** The sandbox does not record project–repository links: every project of the owner counts as linked. */
  projectV2: (s, args, ctx) => {
    const project = ownerProjects(ctx, s.record).find((p) => p.number === int(args, "number"));
    if (!project)
      throw new GqlError(
        "NOT_FOUND",
        `Could not resolve to a ProjectV2 with the number ${int(args, "number")}.`,
      );
    requireProject(ctx, project, "read");
    return projectObj(project);
  },
  projectsV2: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    return paginate(
      ownerProjects(ctx, s.record).filter((p) => canReadProject(ctx, p)),
      args,
      info,
      projectObj,
    );
  },
  object: (s, args, ctx, info) => gitObject(ctx, s.record, args, info),
});
