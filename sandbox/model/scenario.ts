import { z } from "zod";
import { faultRuleSchema } from "./fault-rule.ts";

const pattern = z.union([z.string(), z.instanceof(RegExp)]);

/** Which conversations a scenario answers. Every rule given must hold; regexes are unanchored. */
const matchSchema = z.strictObject({
  /** The system prompt's text. */
  system: pattern.optional(),
  /** All text of the first user message (Claude Code puts reminders before the prompt in it). */
  firstUser: pattern.optional(),
  /** Any text in system or messages. */
  anyText: pattern.optional(),
  model: pattern.optional(),
  /** Tool names that must all be offered. */
  tools: z.array(z.string()).optional(),
});

const usageSchema = z.strictObject({
  input_tokens: z.int().nonnegative().optional(),
  output_tokens: z.int().nonnegative().optional(),
  cache_creation_input_tokens: z.int().nonnegative().optional(),
  cache_read_input_tokens: z.int().nonnegative().optional(),
});

const blockSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: z.string() }),
  z.strictObject({
    type: z.literal("tool_use"),
    name: z.string().min(1),
    input: z.record(z.string(), z.unknown()).default({}),
  }),
  z.strictObject({ type: z.literal("thinking"), thinking: z.string() }),
]);

const turnSchema = z.strictObject({
  content: z.array(blockSchema).min(1),
  /** Default: "tool_use" when the turn has a tool_use block, "end_turn" otherwise. */
  stop_reason: z
    .enum(["end_turn", "tool_use", "max_tokens", "stop_sequence", "pause_turn", "refusal"])
    .optional(),
  /** Replaces the estimated figures for this turn. */
  usage: usageSchema.optional(),
  /** Wait this long before answering. */
  delay_ms: z.int().nonnegative().optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  match: matchSchema.default({}),
  turns: z.array(turnSchema).min(1),
  /** Faults scoped to this scenario (their `scenario` is set to its name). */
  errors: z.array(faultRuleSchema).optional(),
});

/** A scenario as written (YAML, JSON or code). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioMatch = Scenario["match"];
export type ScenarioTurn = Scenario["turns"][number];
export type ScenarioBlock = ScenarioTurn["content"][number];
export type UsageOverride = z.output<typeof usageSchema>;
