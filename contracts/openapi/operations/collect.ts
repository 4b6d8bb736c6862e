import type { LoadedSpec } from "../load.ts";
import { isObject, join } from "../pointer.ts";

export const METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;

/** One operation of a description, found by method and path. */
export interface Operation {
  method: string;
  path: string;
  /** The path with parameter names erased: `/pets/{}` for `/pets/{id}` and `/pets/{petId}`. */
  shape: string;
  pointer: string;
  node: Record<string, unknown>;
  pathItem: Record<string, unknown>;
  pathItemPointer: string;
}

export function pathShape(path: string): string {
  return path.replace(/\{[^}/]*\}/g, "{}");
}

/** Path parameter names in order of appearance: `/a/{x}/b/{y}` → `["x", "y"]`. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}/]*)\}/g)].map((m) => m[1] ?? "");
}

/**
 * The operations of a description keyed by `METHOD /shape`, so renamed path parameters match; or,
 * from `webhooks` (3.1), keyed by `METHOD webhook <name>` with the name as path and shape.
 */
export function collectOperations(
  spec: LoadedSpec,
  root: "paths" | "webhooks" = "paths",
): Map<string, Operation> {
  const out = new Map<string, Operation>();
  const items = spec.doc[root];
  if (!isObject(items)) return out;
  for (const name in items) {
    const raw = items[name];
    const itemPointer = join(`/${root}`, name);
    const resolved = spec.resolver.deref(raw, itemPointer);
    if (!isObject(resolved.node)) continue;
    const pathItem = resolved.node;
    const shape = root === "paths" ? pathShape(name) : `webhook ${name}`;
    for (const method of METHODS) {
      const node = pathItem[method];
      if (!isObject(node)) continue;
      const key = `${method.toUpperCase()} ${shape}`;
      if (out.has(key)) continue;
      out.set(key, {
        method: method.toUpperCase(),
        path: root === "paths" ? name : shape,
        shape,
        pointer: join(resolved.pointer, method),
        node,
        pathItem,
        pathItemPointer: resolved.pointer,
      });
    }
  }
  return out;
}
