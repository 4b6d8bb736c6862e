import { change, type SchemaChange, type Side } from "./change.ts";
import type { SchemaComparer } from "./comparer.ts";
import { diffOpen } from "./diff-open.ts";
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
  // b's properties in order, then those only h has (no set of names to build).
  b.properties.forEach((_, name) => diffProperty(cmp, b, h, side, out, name));
  h.properties.forEach((_, name) => {
    if (!b.properties.has(name)) diffProperty(cmp, b, h, side, out, name);
  });
  if (b.required.size > 0 || h.required.size > 0) diffRequiredOnly(b, h, side, out);
  if (b.additional !== true || h.additional !== true)
    diffOpen(cmp, "additionalProperties", b.additional, h.additional, b, h, side, out, {
      narrowed: `${side}-additional-properties-narrowed`,
      widened: `${side}-additional-properties-widened`,
      segment: "*",
    });
  if (b.items || h.items) {
    const any = (s: NormalSchema): SchemaRef => ({ node: {}, pointer: s.pointer });
    cmp.nested(b.items ?? any(b), h.items ?? any(h), side, "[]", out);
  }
}

/** One property: visibility on this side, required, and its schema. */
function diffProperty(
  cmp: SchemaComparer,
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
  name: string,
): void {
  const bRef = b.properties.get(name);
  const hRef = h.properties.get(name);
  const bReq = b.required.has(name);
  const hReq = h.required.has(name);
  // Unchanged (documentation aside) and as required as before: nothing to normalise.
  if (bRef && hRef && bReq === hReq && cmp.sameRaw(bRef, hRef)) return;
  const bp = bRef ? cmp.base.normalise(bRef) : undefined;
  const hp = hRef ? cmp.head.normalise(hRef) : undefined;
  const bVisible = bp !== undefined && visible(bp, side);
  const hVisible = hp !== undefined && visible(hp, side);
  if (!bVisible && !hVisible) return;
  if (!bVisible) {
    const how = bp ? `is no longer ${side === "request" ? "read-only" : "write-only"}` : "added";
    if (side === "response") at(out, name, change("response-property-added", how, undefined, hp));
    else if (hReq)
      at(out, name, change("request-property-added-required", `${how} as required`, undefined, hp));
    else at(out, name, change("request-property-added", how, undefined, hp));
    return;
  }
  if (!hVisible) {
    const how = hp ? `became ${side === "request" ? "read-only" : "write-only"}` : "removed";
    const c = change("request-property-removed", how, bp, hp ?? h);
    if (side === "request") at(out, name, c);
    else if (bReq) at(out, name, { ...c, id: "response-required-property-removed" });
    else at(out, name, { ...c, id: "response-optional-property-removed" });
    return;
  }
  if (bReq !== hReq) {
    const id = hReq
      ? (`${side}-property-became-required` as const)
      : (`${side}-property-became-optional` as const);
    at(out, name, change(id, hReq ? "became required" : "became optional", bp, hp));
  }
  // A default applies only when the value is left out, which a required one never is.
  cmp.nested(
    bRef as SchemaRef,
    hRef as SchemaRef,
    side,
    name,
    out,
    bReq && hReq ? isDefault : undefined,
  );
}

function visible(s: NormalSchema, side: Side): boolean {
  return side === "request" ? !s.readOnly : !s.writeOnly;
}

/** Files a change under a property's name. */
function at(out: SchemaChange[], name: string, c: SchemaChange): void {
  out.push({ ...c, path: [name] });
}

const isDefault = (c: SchemaChange): boolean => c.path.length === 0 && c.id.includes("-default-");

/**
 * Names required without being described (`then: {required: [x]}`): what is required changed,
 * though no property schema says so.
 */
function diffRequiredOnly(b: NormalSchema, h: NormalSchema, side: Side, out: SchemaChange[]): void {
  const described = (name: string) => b.properties.has(name) || h.properties.has(name);
  for (const name of h.required)
    if (!b.required.has(name) && !described(name))
      out.push({
        ...change(`${side}-property-became-required`, "became required", b, h),
        path: [name],
      });
  for (const name of b.required)
    if (!h.required.has(name) && !described(name))
      out.push({
        ...change(`${side}-property-became-optional`, "became optional", b, h),
        path: [name],
      });
}
