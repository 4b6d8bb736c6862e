import { issueHtmlUrl } from "../../render/issue.ts";
import { nodeId } from "../../state/node-id.ts";
import type { CloseEventRecord, IssueRecord } from "../../state/types.ts";
import { onlyArgs } from "../args.ts";
import { paginate } from "../connection.ts";
import { canReadIssue } from "../context.ts";
import { notImplemented } from "../errors.ts";
import { accountObj, commitObj, issueLikeObj, type IssueLikeObj } from "../objects.ts";
import { defineType, type Resolver } from "../registry.ts";

interface ClosedEventObj {
  __typename: "ClosedEvent";
  issue: IssueRecord;
  event: CloseEventRecord;
}

/**
 * `Issue.timelineItems`: the sandbox records ClosedEvents (who closed an issue, why, and the
 * pull request or commit that did); asking for any other item type fails loudly.
 */
export const timelineItems: Resolver<IssueLikeObj> = (s, args, ctx, info) => {
  onlyArgs(info, args, ["first", "last", "after", "before", "itemTypes"]);
  const types = (args.itemTypes as string[] | undefined) ?? null;
  if (!types || types.some((t) => t !== "CLOSED_EVENT"))
    throw notImplemented(
      `Issue.timelineItems with itemTypes other than [CLOSED_EVENT] (asked: ${types ? types.join(", ") : "all"})`,
    );
  const events: ClosedEventObj[] = (s.record.closeEvents ?? []).map((event) => ({
    __typename: "ClosedEvent",
    issue: s.record,
    event,
  }));
  return paginate(events, args, info, (e) => e);
};

export const closedEventType = defineType<ClosedEventObj>("ClosedEvent", {
  id: (s) => nodeId("ClosedEvent", s.event.id),
  createdAt: (s) => s.event.at,
  stateReason: (s) => s.event.reason.toUpperCase(),
  actor: (s, _a, ctx) => accountObj(ctx.core.store.accountById(s.event.actorId)),
  closable: (s, _a, ctx) => issueLikeObj(ctx.core, s.issue),
  url: (s, _a, ctx) => `${issueHtmlUrl(ctx.core, s.issue)}#event-${s.event.id}`,
  resourcePath: (s, _a, ctx) =>
    `${new URL(issueHtmlUrl(ctx.core, s.issue)).pathname}#event-${s.event.id}`,
  closer: (s, _a, ctx) => {
    const c = s.event.closer;
    if (!c) return null;
    if (c.kind === "pull") {
      const pr = ctx.core.store.issueById(c.issueId);
      return pr && canReadIssue(ctx, pr) ? issueLikeObj(ctx.core, pr) : null;
    }
    const repo = ctx.core.store.repoById(c.repoId);
    return repo && ctx.access.canSee(repo) ? commitObj(repo, c.sha) : null;
  },
});
