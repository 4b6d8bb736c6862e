import type { RuleId } from "../catalogue/index.ts";
import type { NormalSchema } from "./model.ts";

export type Side = "request" | "response";

/** One difference between two schemas, relative to where the comparison started. */
export interface SchemaChange {
  id: RuleId;
  /** Property path from the compared root: `["owner", "login"]`, `"[]"` for array items. */
  path: readonly string[];
  /** Pointer into the base document, when the thing exists there. */
  base?: string;
  /** Pointer into the head document, when the thing exists there. */
  head?: string;
  /** What changed, in the description's terms: `maxLength 100 → 50`. */
  detail: string;
}

export function change(
  id: RuleId,
  detail: string,
  b: NormalSchema | undefined,
  h: NormalSchema | undefined,
  suffix = "",
): SchemaChange {
  const c: SchemaChange = { id, path: [], detail };
  if (b) c.base = b.pointer + suffix;
  if (h) c.head = h.pointer + suffix;
  return c;
}

/** A change whose head side is a sub-schema of its own (a new `contains`, prefix item, `if`). */
export function changeAt(
  id: RuleId,
  detail: string,
  b: NormalSchema | undefined,
  head: string,
): SchemaChange {
  const c: SchemaChange = { id, path: [], detail, head };
  if (b) c.base = b.pointer;
  return c;
}

export function showTypes(types: ReadonlySet<string> | undefined): string {
  if (!types) return "any type";
  if (types.size === 0) return "no type";
  return [...types].sort().join(" | ");
}
