import { nodeId } from "../../state/node-id.ts";
import { authorAssociation, issueHtmlUrl } from "../../render/issue.ts";
import type { AccountRecord } from "../../state/types.ts";
import { onlyArgs } from "../args.ts";
import { paginate } from "../connection.ts";
import {
  accountObj,
  commentObj,
  itemObj,
  labelObj,
  repoObj,
  userObj,
  type IssueLikeObj,
} from "../objects.ts";
import type { Resolver } from "../registry.ts";
import { readableProjects } from "../project-access.ts";

const PAGE = ["first", "last", "after", "before"];

function lockReason(reason: string | null): string | null {
  return reason ? reason.toUpperCase().replace(/[\s-]+/g, "_") : null;
}

/** The fields issues and pull requests share (Comment, Labelable, Assignable, Closable, …). */
export const issueLikeFields: Record<string, Resolver<IssueLikeObj>> = {
  id: (s) => nodeId(s.__typename, s.record.id),
  databaseId: (s) => s.record.id,
  fullDatabaseId: (s) => String(s.record.id),
  number: (s) => s.record.number,
  title: (s) => s.record.title,
  body: (s) => s.record.body ?? "",
  url: (s, _a, ctx) => issueHtmlUrl(ctx.core, s.record),
  resourcePath: (s, _a, ctx) => new URL(issueHtmlUrl(ctx.core, s.record)).pathname,
  createdAt: (s) => s.record.createdAt,
  updatedAt: (s) => s.record.updatedAt,
  closedAt: (s) => s.record.closedAt,
  closed: (s) => s.record.state === "closed",
  locked: (s) => s.record.locked,
  activeLockReason: (s) => lockReason(s.record.activeLockReason),
  author: (s, _a, ctx) => accountObj(ctx.core.store.accountById(s.record.userId)),
  /** The last editor of the body (null when never edited), as GitHub tracks it. */
  editor: (s, _a, ctx) =>
    s.record.lastEditedById != null
      ? accountObj(ctx.core.store.accountById(s.record.lastEditedById))
      : null,
  lastEditedAt: (s) => s.record.lastEditedAt ?? null,
  authorAssociation: (s, _a, ctx) => authorAssociation(ctx.core, s.record.userId, s.record.repoId),
  viewerDidAuthor: (s, _a, ctx) => s.record.userId === ctx.access.actor.accountId,
  repository: (s, _a, ctx) => repoObj(ctx.core.store.repoById(s.record.repoId)),
  labels: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const labels = s.record.labelIds.flatMap((id) =>
      ctx.core.store.state.labels.filter((l) => l.id === id),
    );
    return paginate(labels, args, info, labelObj);
  },
  assignees: (s, args, ctx, info) => {
    const users = s.record.assigneeIds.map((id): AccountRecord => ctx.core.store.accountById(id));
    return paginate(users, args, info, userObj);
  },
  comments: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const comments = ctx.core.store.state.comments.filter((c) => c.issueId === s.record.id);
    return paginate(comments, args, info, commentObj);
  },
  projectItems: (s, args, ctx, info) => {
    onlyArgs(info, args, [...PAGE, "includeArchived"]);
    const kind = s.__typename;
    const items = readableProjects(ctx).flatMap((p) =>
      p.items
        .filter((i) => i.contentKind === kind && i.contentId === s.record.id)
        .map((i) => itemObj(p, i)),
    );
    return paginate(items, args, info, (i) => i);
  },
};
