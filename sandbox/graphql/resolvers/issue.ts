import type { IssueRecord } from "../../state/types.ts";
import { optBool, onlyArgs } from "../args.ts";
import { paginate } from "../connection.ts";
import { canReadIssue } from "../context.ts";
import { closingPulls } from "../linked-pulls.ts";
import { issueLikeObj, type IssueObj } from "../objects.ts";
import { defineType, plainType } from "../registry.ts";
import { issueLikeFields } from "./issue-like.ts";
import { timelineItems } from "./timeline.ts";

const PAGE = ["first", "last", "after", "before"];

export const issueType = defineType<IssueObj>("Issue", {
  ...issueLikeFields,
  state: (s) => s.record.state.toUpperCase(),
  stateReason: (s) => s.record.stateReason?.toUpperCase() ?? null,
  timelineItems,
  parent: (s, _a, ctx) => {
    const parent =
      s.record.parentId != null ? ctx.core.store.issueById(s.record.parentId) : undefined;
    return parent && canReadIssue(ctx, parent) ? issueLikeObj(ctx.core, parent) : null;
  },
  subIssues: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const subs = s.record.subIssueIds.flatMap((id) => {
      const child = ctx.core.store.issueById(id);
      return child && canReadIssue(ctx, child) ? [child] : [];
    });
    return paginate(subs, args, info, (i) => issueLikeObj(ctx.core, i));
  },
  subIssuesSummary: (s, _a, ctx) => {
    const subs = s.record.subIssueIds.flatMap((id): IssueRecord[] => {
      const child = ctx.core.store.issueById(id);
      return child ? [child] : [];
    });
    const completed = subs.filter((i) => i.state === "closed").length;
    const total = subs.length;
    return {
      total,
      completed,
      percentCompleted: total ? Math.floor((completed * 100) / total) : 0,
    };
  },
  /** Open pull requests (with includeClosedPrs, closed unmerged ones too) whose body closes this issue. */
  closedByPullRequestsReferences: (s, args, ctx, info) => {
    onlyArgs(info, args, [...PAGE, "includeClosedPrs", "userLinkedOnly", "orderByState"]);
    if (optBool(args, "userLinkedOnly")) return paginate([], args, info, (i) => i);
    const includeClosed = optBool(args, "includeClosedPrs") ?? false;
    const pulls = closingPulls(ctx.core, s.record).filter((p) => {
      if (!canReadIssue(ctx, p)) return false;
      return includeClosed || p.state === "open" || ctx.core.store.pull(p.id)?.merged === true;
    });
    if (optBool(args, "orderByState"))
      pulls.sort((a, b) => Number(a.state !== "open") - Number(b.state !== "open"));
    return paginate(pulls, args, info, (i) => issueLikeObj(ctx.core, i));
  },
});

export const subIssuesSummaryType = plainType("SubIssuesSummary", [
  "total",
  "completed",
  "percentCompleted",
]);
