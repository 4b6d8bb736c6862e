import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { installmentPlan, task } from "./fixtures.ts";
import { planJsonSchema } from "./plan-json-schema.ts";

describe("planJsonSchema", () => {
  const schema = planJsonSchema();

  it("is a self-contained object schema for a tool's input_schema", () => {
    const text = JSON.stringify(schema);
    expect(schema.type).toBe("object");
    expect(text).not.toContain("$ref");
    expect(schema).not.toHaveProperty("$schema");
    expect(schema).toMatchObject({ required: ["summary", "tasks"], additionalProperties: false });
  });

  it("describes a task with its constraints", () => {
    const tasks = (schema.properties as Record<string, Record<string, unknown>>).tasks;
    expect(tasks).toMatchObject({ type: "array", minItems: 1, maxItems: 100 });
    const item = tasks?.items as { properties: Record<string, unknown>; required: string[] };
    expect(item.properties.id).toMatchObject({ pattern: "^[a-z][a-z0-9-]{1,39}$" });
    expect(item.properties.estimate_minutes).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 960,
    });
    expect(item.required).toEqual([
      "id",
      "title",
      "repo",
      "kind",
      "priority",
      "instructions",
      "acceptance",
      "estimate_minutes",
    ]);
  });

  it("validates under draft 2020-12 like the zod schema does", () => {
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(installmentPlan)).toBe(true);
    expect(validate({ summary: "s", tasks: [task("Bad Id")] })).toBe(false);
    expect(validate({ summary: "s", tasks: [{ ...task("ok-id"), extra: 1 }] })).toBe(false);
  });
});
