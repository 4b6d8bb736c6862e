import { OPERATION_RULES } from "./operations.ts";
import type { RuleSpec } from "./rule.ts";
import { SCHEMA_RULES } from "./schemas.ts";
import { SCHEMA_31_RULES } from "./schemas-31.ts";
import { WEBHOOK_RULES } from "./webhooks.ts";

export type { Family, Level, RuleSpec } from "./rule.ts";
export { LEVEL_RANK } from "./rule.ts";

/** Every rule the engine can report; ids are stable: rename only with a deprecation. */
export const CATALOGUE: readonly RuleSpec[] = [
  ...OPERATION_RULES,
  ...WEBHOOK_RULES,
  ...SCHEMA_RULES,
  ...SCHEMA_31_RULES,
];

export type RuleId =
  | (typeof OPERATION_RULES)[number]["id"]
  | (typeof WEBHOOK_RULES)[number]["id"]
  | (typeof SCHEMA_RULES)[number]["id"]
  | (typeof SCHEMA_31_RULES)[number]["id"];

const BY_ID = new Map<string, RuleSpec>(CATALOGUE.map((r) => [r.id, r]));

export function ruleSpec(id: RuleId): RuleSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`rule ${id} is missing from the catalogue`);
  return spec;
}
