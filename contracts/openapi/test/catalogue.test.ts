import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../catalogue/index.ts";
import { renderCatalogue } from "../catalogue/render.ts";

/** Rules whose other side is worded differently (a removed response property is required or not). */
const ONE_SIDED = new Set([
  "request-default-added",
  "request-default-removed",
  "request-property-added-required",
  "request-property-removed",
  "response-required-property-removed",
  "response-optional-property-removed",
  "request-one-of-overlap-added",
]);

describe("rule catalogue", () => {
  it("has unique kebab-case ids with a description and a client sentence", () => {
    const ids = CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of CATALOGUE) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.client).toMatch(/^[A-Z0-9a-z].*\.$/);
    }
  });

  it("states schema rules for both sides, with opposite levels for the same change", () => {
    const schema = CATALOGUE.filter((r) => r.family === "schema");
    const ids = new Set(schema.map((r) => r.id));
    for (const r of schema) {
      if (ONE_SIDED.has(r.id)) continue;
      const other = r.id.startsWith("request-")
        ? r.id.replace("request-", "response-")
        : r.id.replace("response-", "request-");
      expect(ids.has(other), `${r.id} has no counterpart ${other}`).toBe(true);
    }
    const level = (id: string) => CATALOGUE.find((r) => r.id === id)?.level;
    expect([level("request-enum-value-removed"), level("response-enum-value-removed")]).toEqual([
      "ERR",
      "INFO",
    ]);
    expect([level("request-enum-value-added"), level("response-enum-value-added")]).toEqual([
      "INFO",
      "ERR",
    ]);
  });

  it("RULES.md is the rendered catalogue (regenerate: npx tsx contracts/openapi/catalogue/write-rules.ts)", async () => {
    const path = fileURLToPath(new URL("../RULES.md", import.meta.url));
    const options = { ...(await resolveConfig(path)), parser: "markdown" };
    expect(readFileSync(path, "utf8")).toBe(await format(renderCatalogue(), options));
  });
});
