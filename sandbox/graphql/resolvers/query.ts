import { optBool, str } from "../args.ts";
import { repoNotFound } from "../context.ts";
import { GqlError, notImplemented } from "../errors.ts";
import { lookupNode } from "../node-lookup.ts";
import { accountObj, repoObj, userObj } from "../objects.ts";
import { defineType, plainType } from "../registry.ts";

export const queryType = defineType<unknown>("Query", {
  repository: (_s, args, ctx) => {
    const owner = str(args, "owner");
    const name = str(args, "name");
    const repo = ctx.core.store.repo(owner, name);
    if (!repo || !ctx.access.canSee(repo)) throw repoNotFound(owner, name);
    return repoObj(repo);
  },
  node: (_s, args, ctx) => lookupNode(ctx, str(args, "id")),
  /** One entry per id; an id that does not resolve is null with its own error (path `nodes.i`). */
  nodes: (_s, args, ctx) =>
    (args.ids as string[]).map((id) => {
      try {
        return lookupNode(ctx, id);
      } catch (err) {
        return err instanceof Error ? err : new Error(String(err));
      }
    }),
  viewer: (_s, _a, ctx) => userObj(ctx.core.store.accountById(ctx.access.actor.accountId)),
  organization: (_s, args, ctx) => {
    const a = ctx.core.store.account(str(args, "login"));
    if (!a || a.type !== "Organization") {
      throw new GqlError(
        "NOT_FOUND",
        `Could not resolve to an Organization with the login of '${str(args, "login")}'.`,
      );
    }
    return accountObj(a);
  },
  user: (_s, args, ctx) => {
    const a = ctx.core.store.account(str(args, "login"));
    if (!a || a.type !== "User") {
      throw new GqlError(
        "NOT_FOUND",
        `Could not resolve to a User with the login of '${str(args, "login")}'.`,
      );
    }
    return userObj(a);
  },
  repositoryOwner: (_s, args, ctx) => {
    const a = ctx.core.store.account(str(args, "login"));
    return a && a.type !== "Bot" ? accountObj(a) : null;
  },
  rateLimit: (_s, args, ctx) => {
    if (optBool(args, "dryRun")) throw notImplemented("Query.rateLimit(dryRun)");
    const { limit, used, resetAt } = ctx.rate;
    return {
      limit,
      used,
      remaining: Math.max(0, limit - used),
      resetAt,
      cost: ctx.cost.cost,
      nodeCount: ctx.cost.nodeCount,
    };
  },
});

export const rateLimitType = plainType("RateLimit", [
  "limit",
  "used",
  "remaining",
  "resetAt",
  "cost",
  "nodeCount",
]);
export const pageInfoType = plainType("PageInfo", [
  "hasNextPage",
  "hasPreviousPage",
  "startCursor",
  "endCursor",
]);
