import type { GraphQLResolveInfo } from "graphql";
import { GqlError } from "./errors.ts";
import type { Args, Resolver, TypeDef } from "./registry.ts";

export const MAX_PAGE = 100;

/** A page of a connection; its fields are served for every `…Connection` and `…Edge` type. */
export interface ConnectionObj {
  readonly kind: "connection";
  nodes: unknown[];
  /** Absolute positions of `nodes` in the whole list (cursors encode them). */
  start: number;
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface EdgeObj {
  readonly kind: "edge";
  node: unknown;
  cursor: string;
}

export function encodeCursor(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString("base64");
}

function decodeCursor(cursor: string): number {
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, "base64").toString());
  if (!m?.[1]) {
    throw new GqlError(
      "INVALID_CURSOR_ARGUMENTS",
      `\`${cursor}\` does not appear to be a valid cursor.`,
    );
  }
  return Number(m[1]);
}

function bound(args: Args, name: "first" | "last", connection: string): number | null {
  const v = args[name];
  if (v == null) return null;
  const n = Number(v);
  if (n < 0) {
    throw new GqlError(
      "INVALID_CURSOR_ARGUMENTS",
      `\`${name}\` on the \`${connection}\` connection cannot be less than zero.`,
    );
  }
  if (n > MAX_PAGE) {
    throw new GqlError(
      "EXCESSIVE_PAGINATION",
      `Requesting ${n} records on the \`${connection}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`,
    );
  }
  return n;
}

export function missingBoundaries(connection: string): GqlError {
  return new GqlError(
    "MISSING_PAGINATION_BOUNDARIES",
    `You must provide a \`first\` or \`last\` value to properly paginate the \`${connection}\` connection.`,
  );
}

/** Relay pagination over the whole list, GitHub's way: `first` or `last` (≤ 100) is required. */
export function paginate<T>(
  all: T[],
  args: Args,
  info: GraphQLResolveInfo,
  toNode: (item: T) => unknown,
): ConnectionObj {
  const name = info.fieldName;
  const first = bound(args, "first", name);
  const last = bound(args, "last", name);
  if (first === null && last === null) throw missingBoundaries(name);
  let from = 0;
  let to = all.length;
  if (typeof args.after === "string") from = Math.min(to, decodeCursor(args.after) + 1);
  if (typeof args.before === "string") to = Math.max(from, Math.min(to, decodeCursor(args.before)));
  if (first !== null) to = Math.min(to, from + first);
  if (last !== null) from = Math.max(from, to - last);
  return {
    kind: "connection",
    nodes: all.slice(from, to).map(toNode),
    start: from,
    totalCount: all.length,
    hasNextPage: to < all.length,
    hasPreviousPage: from > 0,
  };
}

/** An edge outside a connection (mutation payloads such as `addComment.commentEdge`). */
export function edgeObj(node: unknown, cursor: string): EdgeObj {
  return { kind: "edge", node, cursor };
}

function isConnection(source: unknown): source is ConnectionObj {
  return (source as ConnectionObj | null)?.kind === "connection";
}

const connectionFields: Record<string, Resolver<ConnectionObj>> = {
  nodes: (c) => c.nodes,
  totalCount: (c) => c.totalCount,
  edges: (c) =>
    c.nodes.map((node, i): EdgeObj => ({ kind: "edge", node, cursor: encodeCursor(c.start + i) })),
  pageInfo: (c) => ({
    hasNextPage: c.hasNextPage,
    hasPreviousPage: c.hasPreviousPage,
    startCursor: c.nodes.length ? encodeCursor(c.start) : null,
    endCursor: c.nodes.length ? encodeCursor(c.start + c.nodes.length - 1) : null,
  }),
};

const edgeFields: Record<string, Resolver<EdgeObj>> = {
  node: (e) => e.node,
  cursor: (e) => e.cursor,
};

/** The resolver for a connection's or edge's field, or undefined when the source is neither. */
export function connectionResolver(source: unknown, field: string): Resolver<unknown> | undefined {
  if (isConnection(source)) return connectionFields[field] as Resolver<unknown> | undefined;
  if ((source as EdgeObj | null)?.kind === "edge")
    return edgeFields[field] as Resolver<unknown> | undefined;
  return undefined;
}

/** For implementedFields(): what every connection and edge serves. */
export const connectionTypeDefs: TypeDef[] = [
  { name: "*Connection", fields: connectionFields as Record<string, Resolver<unknown>> },
  { name: "*Edge", fields: edgeFields as Record<string, Resolver<unknown>> },
];
