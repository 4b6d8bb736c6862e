import { ContractError } from "./errors.ts";
import { getAt, isObject, refToPointer } from "./pointer.ts";
import { isRemoteRef } from "./ref-scan.ts";

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
 * Follows local `$ref`s lazily, one at a time: a JSON Pointer read in the document, or through
 * json-schema-ref-parser's `$Refs` when it runs through another `$ref` (the document is never
 * expanded into a tree; each reference is looked up once and cached). A reference to anything
 * outside the document is refused where it is met.
 */
export class Resolver {
  private readonly cache = new Map<string, unknown>();
  /** One hop per reference, computed once: target, its pointer, its name. */
  private readonly followed = new Map<string, Resolved>();

  constructor(
    private readonly refs: RefLookup,
    private readonly label: string,
    /** The document: pointers are read in it first, as written (a `$ref` found there is returned). */
    private readonly doc?: unknown,
  ) {}

  /** The node a local `$ref` points at; any other reference is refused (never fetched). */
  target(ref: string): unknown {
    const hit = this.cache.get(ref);
    if (hit !== undefined) return hit;
    if (!ref.startsWith("#")) throw this.notLocal(ref, "");
    const pointer = refToPointer(ref);
    let value = pointer === undefined ? undefined : getAt(this.doc, pointer);
    if (value === undefined) {
      // A pointer that runs through another `$ref` (`#/…/Pet/properties/id` where Pet is one).
      try {
        value = this.refs.get(ref);
      } catch {
        value = undefined;
      }
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

  /**
   * A reference to the network or to another file, met while comparing: documents with them load
   * (one never followed does no harm), and the first one the comparison needs stops it here.
   */
  private notLocal(ref: string, pointer: string): ContractError {
    const at = pointer ? ` at ${pointer}` : "";
    if (ref.startsWith("#"))
      return new ContractError(
        "CONTRACT_REF_NOT_FOUND",
        `${this.label}: $ref "${ref}"${at} is not a JSON Pointer into the document`,
        "Refer to a place in the document as #/components/schemas/Name (anchors are not supported).",
      );
    if (isRemoteRef(ref))
      return new ContractError(
        "CONTRACT_REMOTE_REF",
        `${this.label} refers to a document on the network ($ref "${ref}"${at}); remote references are never fetched`,
        "Vendor the referenced file into the repository and refer to it by relative path " +
          "(with --allow-external-refs), or inline the schema.",
      );
    return new ContractError(
      "CONTRACT_EXTERNAL_REF",
      `${this.label} refers to another file ($ref "${ref}"${at})`,
      "Pass --allow-external-refs (allowExternalRefs: true) to follow references to local files.",
    );
  }

  /** Follows a chain of `$ref`s from `node` (at `pointer`) to the object it stands for. */
  deref(node: unknown, pointer: string): Resolved {
    let current: Resolved = { node, pointer };
    for (let hops = 0; hops < 64; hops++) {
      if (!isObject(current.node)) return current;
      const ref = current.node["$ref"];
      if (typeof ref !== "string") return current;
      const known = this.followed.get(ref);
      if (known) {
        current = known;
        continue;
      }
      const target = refToPointer(ref);
      if (target === undefined) throw this.notLocal(ref, pointer);
      const name = target
        .slice(target.lastIndexOf("/") + 1)
        .replace(/~1/g, "/")
        .replace(/~0/g, "~");
      current = { node: this.target(ref), pointer: target, refName: name };
      this.followed.set(ref, current);
    }
    throw new ContractError(
      "CONTRACT_REF_NOT_FOUND",
      `${this.label}: $ref chain at ${pointer} does not end (a reference refers to itself)`,
      "Make the chain of $refs end at a real object.",
    );
  }
}
