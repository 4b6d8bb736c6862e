import { z } from "zod";
import { planSchema } from "./task-schema.ts";

/**
 * The JSON Schema of a plan, for the `submit_plan` tool's `input_schema`: an object schema,
 * draft 2020-12, every definition inline (no `$ref`, no `$schema`). Fields with defaults are
 * optional, as the model may leave out empty lists. A task's `calibrated` estimate is left out:
 * HavunCore sets it after planning.
 */
export function planJsonSchema(): Record<string, unknown> & { type: "object" } {
  const schema = z.toJSONSchema(planSchema, {
    io: "input",
    target: "draft-2020-12",
    reused: "inline",
    cycles: "throw",
  });
  const { $schema: _ignored, ...rest } = schema;
  // HavunCore sets a task's calibrated estimate itself, after planning: not the model's to write.
  const task = (rest.properties as { tasks?: { items?: { properties?: Record<string, unknown> } } })
    .tasks?.items?.properties;
  if (task) delete task.calibrated;
  return { ...rest, type: "object" };
}
