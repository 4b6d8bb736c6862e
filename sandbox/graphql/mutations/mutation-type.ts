import { input } from "../args.ts";
import type { GqlContext } from "../context.ts";
import { defineType, type TypeDef } from "../registry.ts";

/** A mutation: runs with its `input` object (already checked against GitHub's input type). */
export type MutationMap = Record<
  string,
  (ctx: GqlContext, fields: Record<string, unknown>) => unknown
>;

/** A payload object: the client's `clientMutationId` comes back with the mutation's results. */
export function payload(
  fields: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  return { clientMutationId: fields.clientMutationId ?? null, ...values };
}

/** The Mutation root type from the mutation modules' maps. */
export function mutationType(maps: MutationMap[]): TypeDef {
  const fields: Record<
    string,
    (s: unknown, args: Record<string, unknown>, ctx: GqlContext) => unknown
  > = {};
  for (const map of maps) {
    for (const [name, run] of Object.entries(map))
      fields[name] = (_s, args, ctx) => run(ctx, input(args));
  }
  return defineType<unknown>("Mutation", fields);
}
