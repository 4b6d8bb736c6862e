import { isObjectType, type GraphQLResolveInfo } from "graphql";
import { notImplemented } from "./errors.ts";
import type { Args } from "./registry.ts";

/**
 * Refuses arguments the sandbox would otherwise ignore: a filter it does not apply must not
 * silently widen the answer. `supported` lists the arguments the resolver honours; an argument
 * left at its schema default (e.g. `labels(orderBy: {field: CREATED_AT, direction: ASC})`) is fine.
 */
export function onlyArgs(info: GraphQLResolveInfo, args: Args, supported: string[]): void {
  const parent = info.parentType;
  const defs = isObjectType(parent) ? (parent.getFields()[info.fieldName]?.args ?? []) : [];
  for (const [name, value] of Object.entries(args)) {
    if (value == null || supported.includes(name)) continue;
    const def = defs.find((a) => a.name === name);
    // JSON: literal input objects are null-prototype objects, variables' are plain ones
    if (
      def?.defaultValue !== undefined &&
      JSON.stringify(def.defaultValue) === JSON.stringify(value)
    )
      continue;
    throw notImplemented(`${info.parentType.name}.${info.fieldName}(${name})`);
  }
}

export function str(args: Args, name: string): string {
  const v = args[name];
  return typeof v === "string" ? v : String(v ?? "");
}

export function optStr(args: Args, name: string): string | undefined {
  const v = args[name];
  return typeof v === "string" ? v : undefined;
}

export function int(args: Args, name: string): number {
  return Number(args[name]);
}

export function optBool(args: Args, name: string): boolean | undefined {
  const v = args[name];
  return typeof v === "boolean" ? v : undefined;
}

export function strList(args: Args, name: string): string[] | undefined {
  const v = args[name];
  return Array.isArray(v) ? v.map(String) : undefined;
}

/** A mutation's `input` object (GraphQL has already checked it against the input type). */
export function input(args: Args): Record<string, unknown> {
  return (args.input ?? {}) as Record<string, unknown>;
}

/** `OPEN` → `open`; enum values arrive in GraphQL's upper case. */
export function lower<T extends string>(value: string): T {
  return value.toLowerCase() as T;
}
