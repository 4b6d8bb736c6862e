import { isObject, unescapeSegment } from "../pointer.ts";
import type { Resolver } from "../resolver.ts";
import { intersect } from "./merge.ts";
import { isMergeNode, MERGE, UNIONS, type NormalSchema, type SchemaRef } from "./model.ts";
import { ownKeywords, refList } from "./own.ts";

/** Keywords next to a `$ref` that do not change what the schema accepts. */
const ANNOTATIONS = new Set([
  "$ref",
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "$comment",
  "externalDocs",
  "xml",
]);

const ANY: Record<string, unknown> = {};
const COMPONENT = /^\/components\/schemas\/([^/]+)$/;

/**
 * Turns schema nodes of one document into `NormalSchema`s, once per node (memoised by identity),
 * following `$ref`s lazily. Cycles through allOf are cut (the inner occurrence counts as "any").
 */
export class Normaliser {
  private readonly memo = new WeakMap<object, NormalSchema>();
  private readonly active = new Set<object>();

  constructor(private readonly resolver: Resolver) {}

  normalise(ref: SchemaRef): NormalSchema {
    const raw = typeof ref.node === "object" && ref.node !== null ? ref.node : ANY;
    const hit = this.memo.get(raw);
    if (hit) return hit;
    if (this.active.has(raw)) return ownKeywords(ANY, ref.pointer);
    this.active.add(raw);
    try {
      const result = this.build(raw, ref);
      this.memo.set(raw, result);
      return result;
    } finally {
      this.active.delete(raw);
    }
  }

  private build(raw: object, ref: SchemaRef): NormalSchema {
    if (isMergeNode(raw)) {
      const [first, ...rest] = raw[MERGE];
      let out = this.normalise(first ?? { node: ANY, pointer: ref.pointer });
      for (const r of rest) out = intersect(out, this.normalise(r));
      return out;
    }
    if (!isObject(raw)) return ownKeywords(ANY, ref.pointer);
    if (typeof raw["$ref"] === "string") {
      const target = this.resolver.deref(raw, ref.pointer);
      const base = this.normalise({ node: target.node, pointer: target.pointer });
      const siblings = Object.keys(raw).filter((k) => !ANNOTATIONS.has(k) && !k.startsWith("x-"));
      if (siblings.length === 0) return base;
      const own = Object.fromEntries(siblings.map((k) => [k, raw[k]]));
      return intersect(base, this.fromObject(own, ref.pointer));
    }
    return this.fromObject(raw, ref.pointer);
  }

  private fromObject(s: Record<string, unknown>, pointer: string): NormalSchema {
    let out = ownKeywords(s, pointer);
    const component = COMPONENT.exec(pointer);
    if (component?.[1] !== undefined) out.refName = unescapeSegment(component[1]);
    const members = refList(s["allOf"], pointer, "allOf") ?? [];
    for (const kind of UNIONS) {
      const branches = out[kind];
      if (!branches) continue;
      const kept = branches.filter((b) => !this.isNullOnly(b));
      if (kept.length === branches.length) continue;
      out.nullable = true;
      if (kept.length === 1) {
        delete out[kind];
        members.push(kept[0] as SchemaRef);
      } else out[kind] = kept;
    }
    for (const member of members) {
      const m = this.normalise(member);
      out =
        m.oneOf || m.anyOf || m.allOf.length > 0
          ? this.mergeUnion(out, m, member)
          : intersect(out, m);
    }
    return out;
  }

  /** An allOf member with its own oneOf/anyOf: merge its plain keywords, keep the union lazily. */
  private mergeUnion(out: NormalSchema, m: NormalSchema, member: SchemaRef): NormalSchema {
    const clash = (m.oneOf && out.oneOf) || (m.anyOf && out.anyOf);
    if (!clash) return intersect(out, m);
    return { ...out, allOf: [...out.allOf, member] };
  }

  /** `{type: "null"}`, `{enum: [null]}`, `{const: null}`: the branch that only allows null. */
  private isNullOnly(ref: SchemaRef): boolean {
    const node =
      isObject(ref.node) && typeof ref.node["$ref"] === "string"
        ? this.resolver.deref(ref.node, ref.pointer).node
        : ref.node;
    if (!isObject(node)) return false;
    const t = node["type"];
    if (t === "null" || (Array.isArray(t) && t.length === 1 && t[0] === "null")) return true;
    if ("const" in node && node["const"] === null) return true;
    const e = node["enum"];
    return Array.isArray(e) && e.length === 1 && e[0] === null;
  }
}
