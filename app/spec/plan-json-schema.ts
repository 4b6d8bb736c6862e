import { z } from "zod";
import { planSchema } from "./task-schema.ts";

/**
 * The JSON Schema of a plan, for the `submit_plan` tool's `input_schema`: an object schema,
 * draft 2020-12, every definition inline (no `$ref`, no `$schema`). Fields with defaults are
 * optional, as the model may leave out empty lists.
 */
export function planJsonSchema(): Record<string, unknown> & { type: "object" } {
  const schema = z.toJSONSchema(planSchema, {
    io: "input",
    target: "draft-2020-12",
    reused: "inline",
    cycles: "throw",
  });
  const { $schema: _ignored, ...rest } = schema;
  return { ...rest, type: "object" };
}
