import { change, type SchemaChange, type Side } from "./change.ts";
import type { SchemaComparer } from "./comparer.ts";
import type { NormalSchema, SchemaRef } from "./model.ts";

/**
 * Properties, additionalProperties and items. A read-only property does not exist for requests and
 * a write-only one does not exist for responses, so turning a property read-only is, for a request,
 * the same as removing it.
 */
export function diffProperties(
  cmp: SchemaComparer,
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): void {
  const names = new Set([...b.properties.keys(), ...h.properties.keys()]);
  for (const name of names) {
    const bRef = b.properties.get(name);
    const hRef = h.properties.get(name);
    const bp = bRef ? cmp.base.normalise(bRef) : undefined;
    const hp = hRef ? cmp.head.normalise(hRef) : undefined;
    const bVisible = bp !== undefined && visible(bp, side);
    const hVisible = hp !== undefined && visible(hp, side);
    const bReq = b.required.has(name);
    const hReq = h.required.has(name);
    const at = (c: SchemaChange): void => void out.push({ ...c, path: [name] });
    if (!bVisible && !hVisible) continue;
    if (!bVisible) {
      const how = bp ? `is no longer ${side === "request" ? "read-only" : "write-only"}` : "added";
      if (side === "response") at(change("response-property-added", how, undefined, hp));
      else if (hReq)
        at(change("request-property-added-required", `${how} as required`, undefined, hp));
      else at(change("request-property-added", how, undefined, hp));
      continue;
    }
    if (!hVisible) {
      const how = hp ? `became ${side === "request" ? "read-only" : "write-only"}` : "removed";
      const c = change("request-property-removed", how, bp, hp ?? h);
      if (side === "request") at(c);
      else if (bReq) at({ ...c, id: "response-required-property-removed" });
      else at({ ...c, id: "response-optional-property-removed" });
      continue;
    }
    if (bReq !== hReq) {
      const id = hReq
        ? (`${side}-property-became-required` as const)
        : (`${side}-property-became-optional` as const);
      at(change(id, hReq ? "became required" : "became optional", bp, hp));
    }
    cmp.nested(bRef as SchemaRef, hRef as SchemaRef, side, name, out);
  }
  diffAdditional(cmp, b, h, side, out);
  if (b.items || h.items) {
    const any = (s: NormalSchema): SchemaRef => ({ node: {}, pointer: s.pointer });
    cmp.nested(b.items ?? any(b), h.items ?? any(h), side, "[]", out);
  }
}

function visible(s: NormalSchema, side: Side): boolean {
  return side === "request" ? !s.readOnly : !s.writeOnly;
}

function diffAdditional(
  cmp: SchemaComparer,
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): void {
  const before = b.additional;
  const after = h.additional;
  if (typeof before === "object" && typeof after === "object") {
    cmp.nested(before, after, side, "*", out);
    return;
  }
  if (before === after) return;
  const rank = (a: boolean | SchemaRef): number => (a === true ? 2 : a === false ? 0 : 1);
  const show = (a: boolean | SchemaRef): string => (typeof a === "object" ? "a schema" : String(a));
  const detail = `additionalProperties ${show(before)} → ${show(after)}`;
  const moved = rank(after) < rank(before) ? "narrowed" : "widened";
  out.push(change(`${side}-additional-properties-${moved}`, detail, b, h));
}
