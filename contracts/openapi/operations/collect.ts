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

/** The operations of a description keyed by `METHOD /shape`, so renamed path parameters match. */
export function collectOperations(spec: LoadedSpec): Map<string, Operation> {
  const out = new Map<string, Operation>();
  const paths = spec.doc["paths"];
  if (!isObject(paths)) return out;
  for (const [path, raw] of Object.entries(paths)) {
    const itemPointer = join("/paths", path);
    const resolved = spec.resolver.deref(raw, itemPointer);
    if (!isObject(resolved.node)) continue;
    const pathItem = resolved.node;
    for (const method of METHODS) {
      const node = pathItem[method];
      if (!isObject(node)) continue;
      const shape = pathShape(path);
      const key = `${method.toUpperCase()} ${shape}`;
      if (out.has(key)) continue;
      out.set(key, {
        method: method.toUpperCase(),
        path,
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
