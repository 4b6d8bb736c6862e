import { ContractError } from "./errors.ts";
import { isObject, refToPointer } from "./pointer.ts";

/** The part of json-schema-ref-parser's `$Refs` we use: look up one reference. */
export interface RefLookup {
  get(ref: string): unknown;
}

/** A node reached by following `$ref`s, with the JSON Pointer of where it is defined. */
export interface Resolved {
  node: unknown;
  pointer: string;
  /** The last segment of the last `$ref` followed (`Pet` for `#/components/schemas/Pet`). */
  refName?: string;
}

/**
 * Follows local `$ref`s lazily, one at a time, through json-schema-ref-parser's `$Refs`
 * (the document is never expanded into a tree; each reference is looked up once and cached).
 */
export class Resolver {
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly refs: RefLookup,
    private readonly label: string,
  ) {}

  /** The node a local `$ref` points at. */
  target(ref: string): unknown {
    const hit = this.cache.get(ref);
    if (hit !== undefined) return hit;
    let value: unknown;
    try {
      value = this.refs.get(ref);
    } catch {
      value = undefined;
    }
    if (value === undefined) {
      throw new ContractError(
        "CONTRACT_REF_NOT_FOUND",
        `${this.label}: $ref "${ref}" points at nothing`,
        "Fix the reference (names are case-sensitive; `/` inside names is written `~1`) or add the target.",
      );
    }
    this.cache.set(ref, value);
    return value;
  }

  /** Follows a chain of `$ref`s from `node` (at `pointer`) to the object it stands for. */
  deref(node: unknown, pointer: string): Resolved {
    let current: Resolved = { node, pointer };
    for (let hops = 0; hops < 64; hops++) {
      if (!isObject(current.node)) return current;
      const ref = current.node["$ref"];
      if (typeof ref !== "string") return current;
      const target = refToPointer(ref);
      if (target === undefined) {
        throw new ContractError(
          "CONTRACT_EXTERNAL_REF",
          `${this.label}: $ref "${ref}" at ${pointer || "/"} is not a local reference`,
          "Pass --allow-external-refs to follow references to other files.",
        );
      }
      const name = target
        .slice(target.lastIndexOf("/") + 1)
        .replace(/~1/g, "/")
        .replace(/~0/g, "~");
      current = { node: this.target(ref), pointer: target, refName: name };
    }
    throw new ContractError(
      "CONTRACT_REF_NOT_FOUND",
      `${this.label}: $ref chain at ${pointer} does not end (a reference refers to itself)`,
      "Make the chain of $refs end at a real object.",
    );
  }
}
