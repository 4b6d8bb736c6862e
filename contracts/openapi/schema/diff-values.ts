import { change, showTypes, type SchemaChange, type Side } from "./change.ts";
import type { NormalSchema } from "./model.ts";
import { canonical, show, showList } from "./values.ts";

/**
 * Nullability, type, format, enum, default and discriminator. Returns false when the types are
 * incompatible: comparing the constraints of a string with those of an integer would only add noise.
 */
export function diffValues(
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): boolean {
  if (b.types && h.types) diffNullable(b, h, side, out);
  const relation = typeRelation(b.types, h.types);
  if (relation !== "same") {
    const detail = `type ${showTypes(b.types)} → ${showTypes(h.types)}`;
    out.push(change(`${side}-type-${relation}`, detail, b, h));
    if (relation === "changed") return false;
  }
  diffFormat(b, h, side, out);
  diffEnum(b, h, side, out);
  diffDefault(b, h, side, out);
  diffDiscriminator(b, h, side, out);
  return true;
}

export function diffNullable(
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): void {
  if (b.nullable === h.nullable) return;
  out.push(
    h.nullable
      ? change(`${side}-became-nullable`, "became nullable", b, h)
      : change(`${side}-became-not-nullable`, "is no longer nullable", b, h),
  );
}

type Relation = "same" | "widened" | "narrowed" | "changed";

/** How the set of allowed types moved; `integer` counts as part of `number`. */
export function typeRelation(b?: ReadonlySet<string>, h?: ReadonlySet<string>): Relation {
  if (!b && !h) return "same";
  if (!b) return "narrowed";
  if (!h) return "widened";
  const headCovers = covers(h, b);
  const baseCovers = covers(b, h);
  if (headCovers && baseCovers) return "same";
  if (headCovers) return "widened";
  if (baseCovers) return "narrowed";
  return "changed";
}

function covers(outer: ReadonlySet<string>, inner: ReadonlySet<string>): boolean {
  for (const t of inner)
    if (!outer.has(t) && !(t === "integer" && outer.has("number"))) return false;
  return true;
}

/** Formats whose values include every value of the listed ones (a move to them widens). */
const WIDER_FORMATS: Readonly<Record<string, readonly string[]>> = {
  int64: ["int32"],
  double: ["float"],
  "idn-email": ["email"],
  "idn-hostname": ["hostname"],
  "uri-reference": ["uri"],
  iri: ["uri"],
  "iri-reference": ["iri", "uri", "uri-reference"],
};

/**
 * A format is a constraint: adding one narrows the values (a request breaks), removing one
 * widens them (a response breaks), and a change breaks both unless one format holds the other.
 */
function diffFormat(b: NormalSchema, h: NormalSchema, side: Side, out: SchemaChange[]): void {
  const before = b.format;
  const after = h.format;
  if (before === after) return;
  if (before === undefined) out.push(change(`${side}-format-added`, `format ${after} added`, b, h));
  else if (after === undefined)
    out.push(change(`${side}-format-removed`, `format ${before} removed`, b, h));
  else {
    const detail = `format ${before} → ${after}`;
    const id = WIDER_FORMATS[after]?.includes(before)
      ? (`${side}-format-widened` as const)
      : WIDER_FORMATS[before]?.includes(after)
        ? (`${side}-format-narrowed` as const)
        : (`${side}-format-changed` as const);
    out.push(change(id, detail, b, h));
  }
}

function diffEnum(b: NormalSchema, h: NormalSchema, side: Side, out: SchemaChange[]): void {
  if (!b.enum && !h.enum) return;
  if (!b.enum && h.enum) {
    out.push(change(`${side}-became-enum`, `restricted to ${showList(h.enum)}`, b, h, "/enum"));
    return;
  }
  if (b.enum && !h.enum) {
    out.push(
      change(
        `${side}-enum-constraint-removed`,
        `no longer restricted to ${showList(b.enum)}`,
        b,
        h,
      ),
    );
    return;
  }
  const before = new Set((b.enum ?? []).map(canonical));
  const after = new Set((h.enum ?? []).map(canonical));
  const removed = (b.enum ?? []).filter((v) => !after.has(canonical(v)));
  const added = (h.enum ?? []).filter((v) => !before.has(canonical(v)));
  if (removed.length > 0) {
    out.push(
      change(
        `${side}-enum-value-removed`,
        `enum value ${showList(removed)} removed`,
        b,
        h,
        "/enum",
      ),
    );
  }
  if (added.length > 0) {
    out.push(
      change(`${side}-enum-value-added`, `enum value ${showList(added)} added`, b, h, "/enum"),
    );
  }
}

function diffDefault(b: NormalSchema, h: NormalSchema, side: Side, out: SchemaChange[]): void {
  if (!b.hasDefault && !h.hasDefault) return;
  if (b.hasDefault && h.hasDefault && canonical(b.default) === canonical(h.default)) return;
  const detail = !h.hasDefault
    ? `default ${show(b.default)} removed`
    : !b.hasDefault
      ? `default ${show(h.default)} added`
      : `default ${show(b.default)} → ${show(h.default)}`;
  if (side === "response") out.push(change("response-default-changed", detail, b, h));
  else if (!h.hasDefault) out.push(change("request-default-removed", detail, b, h));
  else if (!b.hasDefault) out.push(change("request-default-added", detail, b, h, "/default"));
  else out.push(change("request-default-changed", detail, b, h, "/default"));
}

function diffDiscriminator(
  b: NormalSchema,
  h: NormalSchema,
  side: Side,
  out: SchemaChange[],
): void {
  const before = b.discriminator;
  const after = h.discriminator;
  if (!before && !after) return;
  let detail: string | undefined;
  if (!before || !after) detail = after ? "discriminator added" : "discriminator removed";
  else if (before.propertyName !== after.propertyName) {
    detail = `discriminator property ${before.propertyName} → ${after.propertyName}`;
  } else {
    const key = (m: Readonly<Record<string, string>>): string =>
      canonical(
        Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.slice(v.lastIndexOf("/") + 1)])),
      );
    if (key(before.mapping) !== key(after.mapping)) detail = "discriminator mapping changed";
  }
  if (detail) out.push(change(`${side}-discriminator-changed`, detail, b, h));
}
