import type { LoadedSpec } from "../load.ts";
import { isObject, join } from "../pointer.ts";
import type { SchemaChange } from "../schema/change.ts";
import type { NormalSchema, SchemaRef } from "../schema/model.ts";
import { pathParamNames, type Operation } from "./collect.ts";
import type { OperationReporter } from "./context.ts";

/** Header parameters the specification says to ignore: they are described elsewhere. */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

export interface Param {
  name: string;
  in: string;
  pointer: string;
  required: boolean;
  deprecated: boolean;
  style: string;
  explode: boolean;
  schema: SchemaRef;
}

/** Parameters: added, removed, required, serialization, and their schemas (request side). */
export function diffParameters(r: OperationReporter, b: Operation, h: Operation): void {
  const before = collectParams(r.ctx.base, b);
  const after = collectParams(r.ctx.head, h);
  for (const [key, bp] of before) {
    const hp = after.get(key);
    const label = `${bp.in} parameter ${hp?.name ?? bp.name}`;
    if (!hp) {
      const id = bp.deprecated
        ? "request-deprecated-parameter-removed"
        : "request-parameter-removed";
      r.report(id, label, "removed", bp.pointer, undefined);
      continue;
    }
    if (bp.required !== hp.required) {
      const id = hp.required
        ? "request-parameter-became-required"
        : "request-parameter-became-optional";
      r.report(
        id,
        label,
        hp.required ? "became required" : "became optional",
        bp.pointer,
        hp.pointer,
      );
    }
    if (!bp.deprecated && hp.deprecated) {
      r.report("request-parameter-deprecated", label, "deprecated", bp.pointer, hp.pointer);
    }
    if (bp.style !== hp.style || bp.explode !== hp.explode) {
      const detail = `serialization style=${bp.style}, explode=${bp.explode} → style=${hp.style}, explode=${hp.explode}`;
      r.report("request-parameter-style-changed", label, detail, bp.pointer, hp.pointer);
    }
    diffParamSchema(r, bp, hp, label);
  }
  for (const [key, hp] of after) {
    if (before.has(key)) continue;
    const label = `${hp.in} parameter ${hp.name}`;
    if (hp.required)
      r.report(
        "request-parameter-added-required",
        label,
        "added as required",
        undefined,
        hp.pointer,
      );
    else r.report("request-parameter-added", label, "added", undefined, hp.pointer);
  }
}

/**
 * A parameter's schema on the request side. A default is never applied to a parameter required
 * on both sides, so its changes are left out. A form-style exploded parameter that became an
 * array (`?tag=a` → `?tag=a&tag=b`) still accepts every single value sent before: its items are
 * compared with the old schema instead.
 */
function diffParamSchema(r: OperationReporter, bp: Param, hp: Param, label: string): void {
  if (r.ctx.schemas.sameRaw(bp.schema, hp.schema)) return;
  const skip = bp.required && hp.required ? rootDefault : undefined;
  if (hp.style === "form" && hp.explode && bp.style === hp.style) {
    const before = r.ctx.schemas.base.normalise(bp.schema);
    const after = r.ctx.schemas.head.normalise(hp.schema);
    if (isList(after) && before.types && !before.types.has("array")) {
      r.report(
        "request-parameter-became-list",
        label,
        `became a list of ${after.items ? "items" : "values"}`,
        bp.pointer,
        hp.pointer,
      );
      const items = after.items ?? { node: {}, pointer: hp.schema.pointer };
      r.schema(bp.schema, items, "request", label, skip);
      return;
    }
  }
  r.schema(bp.schema, hp.schema, "request", label, skip);
}

const isList = (s: NormalSchema): boolean => s.types?.size === 1 && s.types.has("array");
const rootDefault = (c: SchemaChange): boolean => c.path.length === 0 && c.id.includes("-default-");

/** Path-item and operation parameters (the operation's win), keyed so renames of path ones match. */
export function collectParams(spec: LoadedSpec, op: Operation): Map<string, Param> {
  const out = new Map<string, Param>();
  const positions = pathParamNames(op.path);
  const lists: [unknown, string][] = [
    [op.pathItem["parameters"], join(op.pathItemPointer, "parameters")],
    [op.node["parameters"], join(op.pointer, "parameters")],
  ];
  for (const [list, pointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const { node, pointer: at } = spec.resolver.deref(raw, join(pointer, i));
      if (!isObject(node) || typeof node["name"] !== "string" || typeof node["in"] !== "string")
        return;
      const name = node["name"];
      const where = node["in"];
      if (where === "header" && IGNORED_HEADERS.has(name.toLowerCase())) return;
      const key =
        where === "path"
          ? `path#${positions.indexOf(name)}`
          : where === "header"
            ? `header:${name.toLowerCase()}`
            : `${where}:${name}`;
      const style = typeof node["style"] === "string" ? node["style"] : defaultStyle(where);
      out.set(key, {
        name,
        in: where,
        pointer: at,
        required: where === "path" || node["required"] === true,
        deprecated: node["deprecated"] === true,
        style,
        explode: typeof node["explode"] === "boolean" ? node["explode"] : style === "form",
        schema: paramSchema(node, at),
      });
    });
  }
  return out;
}

function defaultStyle(where: string): string {
  return where === "query" || where === "cookie" ? "form" : "simple";
}

/** A parameter's schema, from `schema` or from its single `content` entry. */
function paramSchema(node: Record<string, unknown>, pointer: string): SchemaRef {
  if (node["schema"] !== undefined)
    return { node: node["schema"], pointer: join(pointer, "schema") };
  const content = node["content"];
  if (isObject(content)) {
    for (const [mt, media] of Object.entries(content)) {
      if (isObject(media) && media["schema"] !== undefined) {
        return { node: media["schema"], pointer: join(pointer, "content", mt, "schema") };
      }
    }
  }
  return { node: {}, pointer };
}
