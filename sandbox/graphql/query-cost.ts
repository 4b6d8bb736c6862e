import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { MAX_PAGE, missingBoundaries } from "./connection.ts";
import { GqlError } from "./errors.ts";

export const MAX_NODES = 500_000;

export interface QueryCost {
  /** The most nodes the query can return (GitHub's node limit applies to it). */
  nodeCount: number;
  /** Rate-limit points: connection requests / 100, at least 1. */
  cost: number;
}

export interface CostProblem {
  error: GqlError;
  path: string[];
  node: FieldNode;
}

/**
 * GitHub's static checks before execution: every connection needs `first` or `last` (≤ 100), and
 * the query's possible node count must stay under 500,000. Also computes the rate-limit cost.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): { cost: QueryCost; problems: CostProblem[] } {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const problems: CostProblem[] = [];
  let nodes = 0;
  let requests = 0;

  const walk = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    multiplier: number,
    path: string[],
  ) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (cond && (isObjectType(cond) || isAbstractType(cond)))
          walk(sel.selectionSet, cond, multiplier, path);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        const cond = frag ? schema.getType(frag.typeCondition.name.value) : undefined;
        if (frag && cond && (isObjectType(cond) || isAbstractType(cond)))
          walk(frag.selectionSet, cond, multiplier, path);
        continue;
      }
      if (sel.name.value.startsWith("__") || !(isObjectType(parent) || isInterfaceType(parent)))
        continue;
      const def = parent.getFields()[sel.name.value];
      if (!def) continue;
      const here = [...path, (sel.alias ?? sel.name).value];
      const type = getNamedType(def.type);
      let inner = multiplier;
      const paged = type.name.endsWith("Connection") && def.args.some((a) => a.name === "first");
      if (paged) {
        let args: Record<string, unknown> = {};
        try {
          args = getArgumentValues(def, sel, variables);
        } catch {
          continue; // execution reports bad argument values
        }
        const size = (args.first ?? args.last) as number | undefined;
        if (size == null)
          problems.push({ error: missingBoundaries(sel.name.value), path: here, node: sel });
        else if (size > MAX_PAGE || size < 0) {
          const which = args.first != null ? "first" : "last";
          const message = `Requesting ${size} records on the \`${sel.name.value}\` connection exceeds the \`${which}\` limit of ${MAX_PAGE} records.`;
          problems.push({
            error: new GqlError("EXCESSIVE_PAGINATION", message),
            path: here,
            node: sel,
          });
        }
        requests += multiplier;
        inner = multiplier * Math.max(0, Math.min(size ?? 0, MAX_PAGE));
        nodes += inner;
      }
      if (sel.selectionSet && (isObjectType(type) || isAbstractType(type)))
        walk(sel.selectionSet, type, inner, here);
    }
  };

  const root =
    operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (root) walk(operation.selectionSet, root, 1, []);
  if (nodes > MAX_NODES) {
    const message = `This query requests up to ${nodes.toLocaleString("en-US")} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString("en-US")}.`;
    problems.push({
      error: new GqlError("MAX_NODE_LIMIT_EXCEEDED", message),
      path: [],
      node: operation.selectionSet.selections[0] as FieldNode,
    });
  }
  return { cost: { nodeCount: nodes, cost: Math.max(1, Math.round(requests / 100)) }, problems };
}
