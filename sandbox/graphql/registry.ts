import type { GraphQLResolveInfo } from "graphql";
import type { GqlContext } from "./context.ts";

export type Args = Record<string, unknown>;

export type Resolver<S> = (
  source: S,
  args: Args,
  ctx: GqlContext,
  info: GraphQLResolveInfo,
) => unknown;

/** The resolvers of one GraphQL object type: only these fields are served; others are reported. */
export interface TypeDef {
  name: string;
  fields: Record<string, Resolver<unknown>>;
}

export function defineType<S>(name: string, fields: Record<string, Resolver<S>>): TypeDef {
  return { name, fields: fields as Record<string, Resolver<unknown>> };
}

/** A type whose objects are built with their values in place (payloads, PageInfo, summaries). */
export function plainType(name: string, keys: string[]): TypeDef {
  const fields: Record<string, Resolver<unknown>> = {};
  for (const key of keys)
    fields[key] = (source) => (source as Record<string, unknown>)[key] ?? null;
  return { name, fields };
}

/** A mutation payload: every payload carries `clientMutationId` back. */
export function payloadType(name: string, keys: string[]): TypeDef {
  return plainType(name, ["clientMutationId", ...keys]);
}
