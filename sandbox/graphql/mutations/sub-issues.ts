import { addSubIssue, removeSubIssue, reprioritizeSubIssue } from "../../ops/sub-issues.ts";
import type { IssueRecord } from "../../state/types.ts";
import { requireReadIssue, requireRepo, type GqlContext } from "../context.ts";
import { GqlError, unprocessable } from "../errors.ts";
import { issueByNodeId } from "../lookup.ts";
import { issueLikeObj } from "../objects.ts";
import { payloadType } from "../registry.ts";
import { payload, type MutationMap } from "./mutation-type.ts";

/** `subIssueUrl`: the issue's web address (`{server}/owner/repo/issues/7`). */
function issueByUrl(ctx: GqlContext, url: string): IssueRecord {
  const m = /\/([^/]+)\/([^/]+)\/issues\/(\d+)\/?$/.exec(url);
  const repo = m?.[1] && m[2] ? ctx.core.store.repo(m[1], m[2]) : undefined;
  const issue =
    repo && ctx.access.canSee(repo) ? ctx.core.store.issue(repo.id, Number(m?.[3])) : undefined;
  if (!issue || issue.isPull)
    throw new GqlError("NOT_FOUND", `Could not resolve to an Issue with the URL of '${url}'.`);
  return issue;
}

/** The parent (write access to its repository) and the sub-issue (read access). */
function pair(ctx: GqlContext, fields: Record<string, unknown>): [IssueRecord, IssueRecord] {
  const parent = issueByNodeId(ctx, String(fields.issueId));
  requireRepo(ctx, ctx.core.store.repoById(parent.repoId), "issues", "write");
  const byId = fields.subIssueId != null;
  if (byId === (fields.subIssueUrl != null))
    throw unprocessable("Provide exactly one of subIssueId or subIssueUrl.");
  const child = byId
    ? issueByNodeId(ctx, String(fields.subIssueId))
    : issueByUrl(ctx, String(fields.subIssueUrl));
  requireReadIssue(ctx, child);
  return [parent, child];
}

const both = (
  ctx: GqlContext,
  fields: Record<string, unknown>,
  parent: IssueRecord,
  child: IssueRecord,
) =>
  payload(fields, {
    issue: issueLikeObj(ctx.core, parent),
    subIssue: issueLikeObj(ctx.core, child),
  });

export const subIssueMutations: MutationMap = {
  addSubIssue: (ctx, fields) => {
    const [parent, child] = pair(ctx, fields);
    addSubIssue(ctx.core, ctx.access.actor, parent, child, fields.replaceParent === true);
    return both(ctx, fields, parent, child);
  },
  removeSubIssue: (ctx, fields) => {
    const [parent, child] = pair(ctx, fields);
    removeSubIssue(ctx.core, ctx.access.actor, parent, child);
    return both(ctx, fields, parent, child);
  },
  reprioritizeSubIssue: (ctx, fields) => {
    const [parent, child] = pair(ctx, fields);
    const anchor = (key: "afterId" | "beforeId") =>
      fields[key] != null ? issueByNodeId(ctx, String(fields[key])).id : undefined;
    reprioritizeSubIssue(parent, child.id, {
      afterId: anchor("afterId"),
      beforeId: anchor("beforeId"),
    });
    ctx.core.store.changed();
    return payload(fields, { issue: issueLikeObj(ctx.core, parent) });
  },
};

export const subIssuePayloadTypes = [
  payloadType("AddSubIssuePayload", ["issue", "subIssue"]),
  payloadType("RemoveSubIssuePayload", ["issue", "subIssue"]),
  payloadType("ReprioritizeSubIssuePayload", ["issue"]),
];
