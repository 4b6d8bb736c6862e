import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { snippetMetaJsonSchemaText } from "./metadata.ts";

describe("snippets/metadata.schema.json", () => {
  it("is up to date with the zod schema (run `npx tsx snippets/generate-schema.ts` if not)", () => {
    const committed = readFileSync(new URL("./metadata.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(snippetMetaJsonSchemaText());
  });

  it("accepts what a person writes and refuses unknown keys, secret values and bad tags", () => {
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(snippetMetaJsonSchemaText()),
    );
    const ok = {
      title: "T",
      description: "D",
      usage: "U",
      tags: ["mollie"],
      secrets: ["MOLLIE_API_KEY"],
    };
    expect(validate(ok)).toBe(true);
    expect(validate({ ...ok, tilte: "x" })).toBe(false);
    expect(validate({ ...ok, secrets: ["live_1234abcd"] })).toBe(false);
    expect(validate({ ...ok, tags: ["Has Spaces"] })).toBe(false);
    expect(validate({ title: "T", description: "D" })).toBe(false);
  });
});
