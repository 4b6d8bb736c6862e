import type { GraphQLFieldResolver, GraphQLTypeResolver } from "graphql";
import { connectionResolver } from "./connection.ts";
import type { GqlContext } from "./context.ts";
import { fromGitHubError, isGitHubError, notImplemented } from "./errors.ts";
import { typeDefs } from "./type-defs.ts";

function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function convert(err: unknown, ctx: GqlContext, mutation: string | null): unknown {
  if (!isGitHubError(err)) return err;
  const account = ctx.core.store.state.accounts.find((a) => a.id === ctx.access.actor.accountId);
  return fromGitHubError(err, {
    login: account?.login ?? "viewer",
    userToken: ctx.access.token.kind === "user",
    mutation,
  });
}

/**
 * Resolves a field by its parent type's TypeDef (or the generic connection/edge fields). A field
 * GitHub's schema has but the sandbox does not serve is an error naming it, never a silent null.
 * Operations' GitHubErrors (REST-shaped) become GraphQL errors.
 */
export const fieldResolver: GraphQLFieldResolver<unknown, GqlContext> = (
  source,
  args,
  ctx,
  info,
) => {
  const type = info.parentType.name;
  const resolve =
    typeDefs.get(type)?.fields[info.fieldName] ?? connectionResolver(source, info.fieldName);
  if (!resolve) throw notImplemented(`${type}.${info.fieldName}`);
  const mutation = type === "Mutation" ? capitalized(info.fieldName) : null;
  try {
    const result = resolve(source, args, ctx, info);
    if (result instanceof Promise)
      return result.catch((err: unknown) => Promise.reject(convert(err, ctx, mutation)));
    return result;
  } catch (err) {
    throw convert(err, ctx, mutation);
  }
};

/** Interfaces and unions: every object the resolvers build carries its `__typename`. */
export const typeResolver: GraphQLTypeResolver<unknown, GqlContext> = (value) =>
  (value as { __typename?: string } | null)?.__typename;
