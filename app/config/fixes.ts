import { z } from "zod";

/** What a reader is told when a value does not fit: the expected form and how to fix it. */
export interface FixHint {
  /** Shown as "not in the form …", e.g. `owner/name`. */
  form?: string;
  /** What to do, e.g. "use owner/name, like acme/api". */
  fix: string;
}

/**
 * Fix hints kept beside the schema they describe (not in the generated JSON Schema), so an
 * error message and the field's definition cannot drift apart.
 */
export const fixHints = z.registry<FixHint>();

/** Registers a fix hint for `schema` and returns the schema, for use inline in a definition. */
export function withFix<S extends z.ZodType>(schema: S, hint: FixHint): S {
  fixHints.add(schema, hint);
  return schema;
}
