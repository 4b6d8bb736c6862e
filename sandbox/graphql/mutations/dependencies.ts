import { addBlockedBy, removeBlockedBy } from "../../ops/dependencies.ts";
import type { IssueRecord } from "../../state/types.ts";
import { requireReadIssue, requireRepo, type GqlContext } from "../context.ts";
import { issueByNodeId } from "../lookup.ts";
import { issueLikeObj } from "../objects.ts";
import { payloadType } from "../registry.ts";
import { payload, type MutationMap } from "./mutation-type.ts";

/** The blocked issue (write access to its repository) and the blocking one (read access), as REST. */
function pair(ctx: GqlContext, fields: Record<string, unknown>): [IssueRecord, IssueRecord] {
  const blocked = issueByNodeId(ctx, String(fields.issueId));
  requireRepo(ctx, ctx.core.store.repoById(blocked.repoId), "issues", "write");
  const blocking = issueByNodeId(ctx, String(fields.blockingIssueId));
  requireReadIssue(ctx, blocking);
  return [blocked, blocking];
}

const both = (
  ctx: GqlContext,
  fields: Record<string, unknown>,
  blocked: IssueRecord,
  blocking: IssueRecord,
) =>
  payload(fields, {
    issue: issueLikeObj(ctx.core, blocked),
    blockingIssue: issueLikeObj(ctx.core, blocking),
  });

/**
 * Issue dependencies over GraphQL, on the same operations as REST's `…/dependencies/blocked_by`:
 * a duplicate, a cycle or a 51st blocker is an UNPROCESSABLE error, and each change fires
 * `issue_dependencies` on both sides.
 */
export const dependencyMutations: MutationMap = {
  addBlockedBy: (ctx, fields) => {
    const [blocked, blocking] = pair(ctx, fields);
    addBlockedBy(ctx.core, ctx.access.actor, blocked, blocking);
    return both(ctx, fields, blocked, blocking);
  },
  removeBlockedBy: (ctx, fields) => {
    const [blocked, blocking] = pair(ctx, fields);
    removeBlockedBy(ctx.core, ctx.access.actor, blocked, blocking);
    return both(ctx, fields, blocked, blocking);
  },
};

export const dependencyPayloadTypes = [
  payloadType("AddBlockedByPayload", ["issue", "blockingIssue"]),
  payloadType("RemoveBlockedByPayload", ["issue", "blockingIssue"]),
];
