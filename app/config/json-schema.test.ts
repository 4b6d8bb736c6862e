import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { MINIMAL_EXAMPLE } from "./example.ts";
import { hubConfigJsonSchema, hubConfigJsonSchemaText } from "./json-schema.ts";

describe("havun.schema.json", () => {
  it("is up to date with the zod schema (run `npm run schema` if not)", () => {
    const committed = readFileSync(new URL("./havun.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(hubConfigJsonSchemaText());
  });

  it("accepts what a person writes, defaults left out, and refuses unknown keys", () => {
    const validate = new Ajv2020({ strict: false }).compile(hubConfigJsonSchema());
    expect(validate(parse(MINIMAL_EXAMPLE))).toBe(true);
    expect(validate({ ...parse(MINIMAL_EXAMPLE), dispatch: "wait_for_core" })).toBe(true);
    expect(validate({ ...parse(MINIMAL_EXAMPLE), projets: [] })).toBe(false);
    expect(validate({ projects: [{ repo: "acme", description: "x" }] })).toBe(false);
  });
});
