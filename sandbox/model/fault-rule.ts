import { z } from "zod";

/**
 * One injected failure. Without `times` or `rate` it fires on every request it matches.
 * `scenario`/`turn` narrow it to a scenario's turn; `unmatched: true` to side requests.
 */
export const faultRuleSchema = z.strictObject({
  status: z.union([z.literal(400), z.literal(429), z.literal(500), z.literal(529), z.int()]),
  times: z.int().nonnegative().optional(),
  rate: z.number().min(0).max(1).optional(),
  scenario: z.string().optional(),
  turn: z.int().nonnegative().optional(),
  /** Only requests for this model (`model` in the request body): an overloaded model, not its fallback. */
  model: z.string().optional(),
  unmatched: z.boolean().optional(),
  /** Which endpoint: "messages" (default) or "count_tokens". */
  endpoint: z.enum(["messages", "count_tokens"]).optional(),
  /** Seconds in `retry-after` (429 default: 1; others: none). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** Answer 200 and send the error as an SSE `error` event after `message_start` (streams only). */
  midStream: z.boolean().optional(),
  message: z.string().optional(),
});

export type FaultRule = z.infer<typeof faultRuleSchema>;
