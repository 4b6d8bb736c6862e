import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
} from "graphql";
import type { Access } from "../auth/access.ts";
import type { SandboxCore } from "../core.ts";
import type { GqlContext } from "./context.ts";
import { GqlError } from "./errors.ts";
import { fieldResolver, typeResolver } from "./field-resolver.ts";
import { queryCost, type QueryCost } from "./query-cost.ts";
import { charge } from "./rate-limit.ts";
import { githubSchema } from "./schema.ts";
import {
  githubParseError,
  githubValidationError,
  type GithubErrorEntry,
} from "./validation-errors.ts";

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphqlResponse {
  status: number;
  body: { data?: unknown; errors?: unknown[] };
  /** GitHub's rate-limit points and possible node count for the request (absent when it did not run). */
  cost?: QueryCost;
}

export type GraphqlEndpoint = (request: GraphqlRequest, access: Access) => Promise<GraphqlResponse>;

const answer = (body: GraphqlResponse["body"], cost?: QueryCost): GraphqlResponse =>
  cost ? { status: 200, body, cost } : { status: 200, body };

function locations(
  nodes: readonly { loc?: { startToken: { line: number; column: number } } }[] | undefined,
) {
  return nodes?.flatMap((n) =>
    n.loc ? [{ line: n.loc.startToken.line, column: n.loc.startToken.column }] : [],
  );
}

/** An execution error as GitHub renders it: `{type, path, locations, message}`. */
function executionError(error: GraphQLError): GithubErrorEntry {
  const original = error.originalError;
  const internal =
    original !== undefined &&
    !(original instanceof GqlError) &&
    !(original instanceof GraphQLError);
  const entry: GithubErrorEntry = { message: error.message };
  if (original instanceof GqlError) entry.type = original.type;
  if (internal) entry.type = "INTERNAL";
  if (error.path) entry.path = [...error.path];
  if (error.locations)
    entry.locations = error.locations.map(({ line, column }) => ({ line, column }));
  // GitHub's key order: type, path, locations, message
  const { message, ...rest } = entry;
  return { ...rest, message: internal ? `Sandbox error: ${message}` : message };
}

/**
 * GitHub's GraphQL API over the sandbox store. Every document is parsed and validated against
 * GitHub's published schema; parse, validation and pagination errors come back with status 200
 * and an `errors` array (no `data`), as GitHub answers them.
 */
export function createGraphqlEndpoint(core: SandboxCore): GraphqlEndpoint {
  return async (request, access) => {
    if (typeof request?.query !== "string" || !request.query.trim()) {
      return answer({
        errors: [{ message: "A query attribute must be specified and must be a string." }],
      });
    }
    const { schema } = githubSchema();
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (err) {
      if (err instanceof GraphQLError) return answer({ errors: [githubParseError(err)] });
      throw err;
    }
    const invalid = validate(schema, document);
    if (invalid.length)
      return answer({ errors: invalid.map((e) => githubValidationError(e, document)) });
    const operation = getOperationAST(document, request.operationName ?? undefined);
    if (!operation) {
      const message = request.operationName
        ? `No operation named "${request.operationName}"`
        : "An operation name is required when the document holds more than one operation";
      return answer({ errors: [{ message }] });
    }
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      request.variables ?? {},
    );
    if (coerced.errors) {
      return answer({
        errors: coerced.errors.map((e) => ({ message: e.message, locations: e.locations })),
      });
    }
    const { cost, problems } = queryCost(schema, document, operation, coerced.coerced);
    if (problems.length) {
      const errors = problems.map((p) => ({
        type: p.error.type,
        path: p.path,
        locations: locations([p.node]),
        message: p.error.message,
      }));
      return answer({ errors });
    }
    const rate = charge(core.store, access.token, cost.cost);
    const contextValue: GqlContext = { core, access, cost, rate };
    const result: ExecutionResult = await execute({
      schema,
      document,
      rootValue: {},
      contextValue,
      variableValues: request.variables ?? {},
      operationName: request.operationName ?? undefined,
      fieldResolver,
      typeResolver,
    });
    const body: GraphqlResponse["body"] = { data: result.data ?? null };
    if (result.errors?.length) body.errors = result.errors.map(executionError);
    return answer(body, cost);
  };
}
