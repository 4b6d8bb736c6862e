import type { Resolver } from "../resolver.ts";
import { PairMemo } from "./pair-memo.ts";

/** Keys that document a schema without changing what it accepts (see `ignored`). */
const ANNOTATIONS = new Set([
  "description",
  "summary",
  "example",
  "examples",
  "externalDocs",
  "$comment",
  "xml",
]);
/** Keys whose children are names, not keywords (a property may be called "description"). */
const NAME_MAPS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
  "dependentRequired",
  // Operations compared whole: statuses, media types, header names.
  "responses",
  "content",
  "headers",
  "encoding",
  "callbacks",
  "links",
]);

/** An annotation or an `x-` extension: checked by first character, as this runs for every key. */
function ignored(key: string): boolean {
  const c = key.charCodeAt(0);
  if (c === 120 /* x */) return key.charCodeAt(1) === 45 /* - */ || key === "xml";
  if (c !== 100 && c !== 115 && c !== 101 && c !== 36) return false; // d s e $
  return ANNOTATIONS.has(key);
}

/**
 * A fast shortcut before normalising (and before taking an operation apart): two schema trees
 * that are the same JSON apart from documentation, whose `$ref`s lead to trees that are the same
 * too, cannot differ for clients.
 * Walks without allocating; pairs of `$ref` targets are remembered.
 */
export class RawEquality {
  private readonly memo = new PairMemo<object, boolean>(true);

  constructor(
    private readonly base: Resolver,
    private readonly head: Resolver,
  ) {}

  equal(b: unknown, h: unknown, names = false): boolean {
    if (b === h) return true;
    if (typeof b !== "object" || typeof h !== "object" || b === null || h === null) return false;
    if (Array.isArray(b)) {
      if (!Array.isArray(h) || b.length !== h.length) return false;
      for (let i = 0; i < b.length; i++) if (!this.equal(b[i], h[i])) return false;
      return true;
    }
    if (Array.isArray(h)) return false;
    const bo = b as Record<string, unknown>;
    const ho = h as Record<string, unknown>;
    if (!names && (typeof bo["$ref"] === "string" || typeof ho["$ref"] === "string")) {
      return this.refsEqual(bo, ho);
    }
    // The same keys in the same order (the usual case: one generator wrote both) are compared by
    // position, with no membership test per key; keys in another order are matched by name below.
    const bk = Object.keys(bo);
    const hk = Object.keys(ho);
    if (bk.length === hk.length) {
      let i = 0;
      for (; i < bk.length; i++) {
        const key = bk[i] as string;
        if (key !== hk[i]) break;
        if (!names && ignored(key)) continue;
        if (!this.equal(bo[key], ho[key], !names && NAME_MAPS.has(key))) return false;
      }
      if (i === bk.length) return true;
    }
    let count = 0;
    for (const key in bo) {
      if (!names && ignored(key)) continue;
      count++;
      // JSON has no undefined values: undefined is a missing key.
      const hv = ho[key];
      if (hv === undefined || !this.equal(bo[key], hv, !names && NAME_MAPS.has(key))) return false;
    }
    for (const key in ho) {
      if (!names && ignored(key)) continue;
      count--;
    }
    return count === 0;
  }

  private refsEqual(b: Record<string, unknown>, h: Record<string, unknown>): boolean {
    const bref = b["$ref"];
    const href = h["$ref"];
    if (typeof bref !== "string" || typeof href !== "string") return false;
    for (const key in b) if (key !== "$ref" && !ANNOTATIONS.has(key) && !(key in h)) return false;
    for (const key in h) {
      if (key === "$ref" || ANNOTATIONS.has(key)) continue;
      if (!(key in b) || !this.equal(b[key], h[key])) return false;
    }
    const bt = this.base.target(bref);
    const ht = this.head.target(href);
    if (typeof bt !== "object" || typeof ht !== "object" || bt === null || ht === null)
      return bt === ht;
    return this.memo.peek(bt, ht) ?? this.memo.get(bt, ht, () => this.equal(bt, ht));
  }
}
