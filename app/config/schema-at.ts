import type { z } from "zod";

type Schema = z.core.$ZodType;

/** Wrappers that hold one inner schema (defaults, optionals, transforms' input side). */
function inner(schema: Schema): Schema | undefined {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    innerType?: Schema;
    in?: Schema;
    getter?: () => Schema;
  };
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return def.innerType;
    case "pipe":
      return def.in;
    case "lazy":
      return def.getter?.();
    default:
      return undefined;
  }
}

/** The schema and every wrapper around it, outermost first. */
export function layers(schema: Schema): Schema[] {
  const out: Schema[] = [];
  for (let s: Schema | undefined = schema; s !== undefined; s = inner(s)) out.push(s);
  return out;
}

function core(schema: Schema): Schema {
  return layers(schema).at(-1) ?? schema;
}

function child(schema: Schema, key: PropertyKey): Schema | undefined {
  const c = core(schema);
  const def = c._zod.def as z.core.$ZodTypeDef & {
    shape?: Record<string, Schema>;
    element?: Schema;
    valueType?: Schema;
  };
  if (def.type === "object" && typeof key === "string") return def.shape?.[key];
  if (def.type === "array" && typeof key === "number") return def.element;
  if (def.type === "record") return def.valueType;
  return undefined;
}

/** The layers of the schema found at `path` under `root`, or [] when the path leaves it. */
export function schemaAt(root: Schema, path: readonly PropertyKey[]): Schema[] {
  let s: Schema | undefined = root;
  for (const key of path) {
    s = s === undefined ? undefined : child(s, key);
  }
  return s === undefined ? [] : layers(s);
}

/** The keys an object schema at `path` allows ([] when there is no object there). */
export function keysAt(root: Schema, path: readonly PropertyKey[]): string[] {
  const found = schemaAt(root, path).at(-1);
  if (found === undefined) return [];
  const def = found._zod.def as z.core.$ZodTypeDef & { shape?: Record<string, Schema> };
  return def.type === "object" ? Object.keys(def.shape ?? {}) : [];
}
