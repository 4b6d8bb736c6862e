import { onlyArgs } from "../args.ts";
import { paginate } from "../connection.ts";
import type { PullObj } from "../objects.ts";
import type { Resolver } from "../registry.ts";
import { requiredApprovals, reviewDecision } from "../review-decision.ts";
import { reviewObj, threadObj, visibleComments, visibleReviews } from "../review-objects.ts";

const PAGE = ["first", "last", "after", "before"];

/** PullRequest's review fields: reviews, latestReviews, reviewThreads, reviewDecision. */
export const pullReviewFields: Record<string, Resolver<PullObj>> = {
  reviews: (s, args, ctx, info) => {
    onlyArgs(info, args, [...PAGE, "states", "author"]);
    const states = Array.isArray(args.states) ? args.states.map(String) : null;
    const author = typeof args.author === "string" ? args.author.toLowerCase() : null;
    const list = visibleReviews(ctx.core, s.record.id, ctx.access.actor.accountId).filter(
      (r) =>
        (!states || states.includes(r.state)) &&
        (!author || ctx.core.store.accountById(r.userId).login.toLowerCase() === author),
    );
    return paginate(list, args, info, reviewObj);
  },
  /** Each reviewer's latest submitted review. */
  latestReviews: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const latest = new Map<number, ReturnType<typeof visibleReviews>[number]>();
    for (const r of visibleReviews(ctx.core, s.record.id, -1)) latest.set(r.userId, r);
    const list = [...latest.values()].sort((a, b) => a.id - b.id);
    return paginate(list, args, info, reviewObj);
  },
  reviewThreads: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const me = ctx.access.actor.accountId;
    const roots = visibleComments(
      ctx.core,
      me,
      (c) => c.issueId === s.record.id && c.inReplyToId === null,
    );
    return paginate(roots, args, info, threadObj);
  },
  reviewDecision: (s, _a, ctx) => {
    const repo = ctx.core.store.repoById(s.record.repoId);
    const required = requiredApprovals(ctx.core, repo, s.pull.baseRef);
    const writer = (id: number) => {
      const role = ctx.core.store.roleOf(id, repo);
      const bot = ctx.core.store.accountById(id).type === "Bot";
      return bot || role === "write" || role === "maintain" || role === "admin";
    };
    return reviewDecision(visibleReviews(ctx.core, s.record.id, -1), required, writer);
  },
};
