/** A schema as written: a node of the document (maybe a `$ref`) and where it sits. */
export interface SchemaRef {
  node: unknown;
  pointer: string;
}

/** A numeric bound; `exclusive` for exclusiveMinimum/exclusiveMaximum (3.0 booleans or 3.1 numbers). */
export interface Bound {
  value: number;
  exclusive: boolean;
}

export type CountKeyword =
  | "maxLength"
  | "minLength"
  | "maxItems"
  | "minItems"
  | "maxProperties"
  | "minProperties"
  | "minContains"
  | "maxContains";

/** 3.1 `if`/`then`/`else`: values matching `if` must match `then`, the others `else`. */
export interface Conditional {
  if: SchemaRef;
  then?: SchemaRef;
  else?: SchemaRef;
}

/**
 * A schema after normalisation: `$ref`s followed, `allOf` of mergeable members merged,
 * 3.0 `nullable: true`, 3.1 `type: [x, "null"]`, `enum: [.., null]` and `oneOf: [X, {type: null}]`
 * all turned into `nullable`, `const` into a one-value enum, exclusive bounds into `Bound`s.
 * Sub-schemas stay lazy (`SchemaRef`) so recursive and huge documents cost only what is compared.
 */
export interface NormalSchema {
  pointer: string;
  refName?: string;
  title?: string;
  /** Allowed JSON types without "null"; undefined means any type. */
  types?: ReadonlySet<string>;
  nullable: boolean;
  format?: string;
  /** Allowed values without null; undefined means no enum. */
  enum?: readonly unknown[];
  lower?: Bound;
  upper?: Bound;
  counts: Partial<Record<CountKeyword, number>>;
  multipleOf?: number;
  patterns: readonly string[];
  uniqueItems: boolean;
  hasDefault: boolean;
  default?: unknown;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  properties: ReadonlyMap<string, SchemaRef>;
  required: ReadonlySet<string>;
  /** additionalProperties: true (absent or true), false, or a schema for the extra values. */
  additional: boolean | SchemaRef;
  items?: SchemaRef;
  /** 3.1 `prefixItems`: the schema of each leading position of an array. */
  prefixItems?: readonly SchemaRef[];
  /** 3.1 `contains`: at least `minContains` (default 1) items must match it. */
  contains?: SchemaRef;
  /** 3.1 `dependentRequired`: when the key is present, these properties are required too. */
  dependentRequired: ReadonlyMap<string, readonly string[]>;
  /** 3.1 `dependentSchemas`: when the key is present, the object must match the schema too. */
  dependentSchemas: ReadonlyMap<string, SchemaRef>;
  /** 3.1 `unevaluatedProperties` (true when absent); `false`, or a schema for the rest. */
  unevaluatedProperties: boolean | SchemaRef;
  /** 3.1 `unevaluatedItems` (and `items: false` after `prefixItems`): true when absent. */
  unevaluatedItems: boolean | SchemaRef;
  /** 3.1 `if`/`then`/`else`, one per allOf member that had one. */
  conditionals: readonly Conditional[];
  oneOf?: readonly SchemaRef[];
  anyOf?: readonly SchemaRef[];
  /** allOf members that could not be merged (they hold their own oneOf/anyOf). */
  allOf: readonly SchemaRef[];
  discriminator?: { propertyName: string; mapping: Readonly<Record<string, string>> };
}

/** The node of a synthetic schema meaning "all of these" (two definitions of one property). */
export const MERGE = Symbol("merge");
export interface MergeNode {
  [MERGE]: readonly SchemaRef[];
}

export function isMergeNode(node: unknown): node is MergeNode {
  return typeof node === "object" && node !== null && MERGE in node;
}

/** The two union keywords, in the order they are compared. */
export const UNIONS = ["oneOf", "anyOf"] as const;
