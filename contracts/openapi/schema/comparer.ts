import type { SchemaChange, Side } from "./change.ts";
import { diffArrays } from "./diff-arrays.ts";
import { diffBounds } from "./diff-bounds.ts";
import { diffDependent } from "./diff-dependent.ts";
import { diffProperties } from "./diff-properties.ts";
import { diffNullable, diffValues } from "./diff-values.ts";
import { diffUnionWrap, diffVariants } from "./diff-variants.ts";
import { isMergeNode, type NormalSchema, type SchemaRef } from "./model.ts";
import type { Normaliser } from "./normaliser.ts";
import { PairMemo } from "./pair-memo.ts";
import type { RawEquality } from "./raw-equal.ts";

/** What a pair met again inside its own comparison (a cycle) adds: nothing new. */
const NONE: readonly SchemaChange[] = Object.freeze([]);

/**
 * Compares schemas of two documents for one side (request or response). Each pair of normalised
 * schemas is compared once per side and remembered, so a component used by hundreds of operations
 * costs one comparison, and recursive schemas terminate.
 */
export class SchemaComparer {
  private readonly memo: Record<Side, PairMemo<NormalSchema, readonly SchemaChange[]>> = {
    request: new PairMemo(NONE),
    response: new PairMemo(NONE),
  };

  constructor(
    readonly base: Normaliser,
    readonly head: Normaliser,
    private readonly raw: RawEquality,
  ) {}

  compare(b: SchemaRef, h: SchemaRef, side: Side): readonly SchemaChange[] {
    if (this.sameRaw(b, h)) return NONE;
    return this.compareNormal(this.base.normalise(b), this.head.normalise(h), side);
  }

  compareNormal(nb: NormalSchema, nh: NormalSchema, side: Side): readonly SchemaChange[] {
    return this.memo[side].get(nb, nh, () => {
      const out: SchemaChange[] = [];
      if (diffUnionWrap(this, nb, nh, side, out)) {
        diffNullable(nb, nh, side, out);
      } else if (diffValues(nb, nh, side, out)) {
        diffBounds(nb, nh, side, out);
        diffProperties(this, nb, nh, side, out);
        diffArrays(this, nb, nh, side, out);
        diffDependent(this, nb, nh, side, out);
        diffVariants(this, nb, nh, side, out);
      }
      return dedupe(out);
    });
  }

  /** Whether two schemas are the same JSON (documentation aside), `$ref` targets included. */
  sameRaw(b: SchemaRef, h: SchemaRef): boolean {
    return this.sameJson(b.node, h.node);
  }

  /** `sameRaw` for two nodes of the documents (an operation, its responses, …). */
  sameJson(b: unknown, h: unknown): boolean {
    // A merged property (two allOf members define it) is no JSON to compare: normalise it.
    if (isMergeNode(b) || isMergeNode(h)) return false;
    return this.raw.equal(b, h);
  }

  /** Compares two sub-schemas and files their changes under `segment` (except those `skip`s). */
  nested(
    b: SchemaRef,
    h: SchemaRef,
    side: Side,
    segment: string,
    out: SchemaChange[],
    skip?: (c: SchemaChange) => boolean,
  ): void {
    for (const c of this.compare(b, h, side))
      if (!skip?.(c)) out.push({ ...c, path: [segment, ...c.path] });
  }
}

/**
 * One change per rule and place: a component reached along many property paths (a user under
 * owner, assignee, closed_by, …) keeps its first path, so results stay small at every level.
 */
function dedupe(changes: SchemaChange[]): readonly SchemaChange[] {
  if (changes.length < 2) return changes;
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.id}\u0000${c.base ?? ""}\u0000${c.head ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
