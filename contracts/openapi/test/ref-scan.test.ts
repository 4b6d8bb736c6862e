import { describe, expect, it } from "vitest";
import { diffSpecs } from "../diff.ts";
import { ContractError } from "../errors.ts";
import { loadSpecText } from "../load.ts";
import { scanRefsOf } from "../ref-scan.ts";

/** A JSON description whose GET /a answers schema A, written as `a`; B is a string. */
const doc = (a: string) =>
  `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}}}, "components": {"schemas": {"A": {${a}}, "B": {"type": "string"}}}}`;

async function compared(text: string): Promise<string> {
  try {
    const b = await loadSpecText(text, { label: "base.json", file: "base.json" });
    const h = await loadSpecText(text, { label: "head.json", file: "head.json" });
    diffSpecs(b, h);
    return "compared";
  } catch (err) {
    if (err instanceof ContractError) return err.code;
    throw err;
  }
}

describe("references outside the document", () => {
  it("are refused where the comparison meets them, also written with \\u escapes", async () => {
    expect(await compared(doc(`"$ref": "https://example.com/b.json"`))).toBe("CONTRACT_REMOTE_REF");
    expect(await compared(doc(`"\\u0024ref": "https://example.com/b.json"`))).toBe(
      "CONTRACT_REMOTE_REF",
    );
    expect(await compared(doc(`"$r\\u0065f": "b.json#/B"`))).toBe("CONTRACT_EXTERNAL_REF");
    expect(await compared(doc(`"$ref": "#anchor"`))).toBe("CONTRACT_REF_NOT_FOUND");
    expect(await compared(doc(`"$ref": "#/components/schemas/B"`))).toBe("compared");
  });

  it("a $ref inside an example is data, not a reference", async () => {
    expect(
      await compared(doc(`"type": "object", "example": {"$ref": "https://example.com"}`)),
    ).toBe("compared");
  });

  it("are looked for in JSON text first, walking the tree only when one may be there", () => {
    const local = doc(`"$ref": "#/components/schemas/B"`);
    expect(scanRefsOf(JSON.parse(local), local, "json")).toEqual({ remote: [], external: [] });
    const escaped = doc(`"\\u0024ref": "https://example.com/b.json"`);
    expect(scanRefsOf(JSON.parse(escaped), escaped, "json")).toEqual({
      remote: ["https://example.com/b.json"],
      external: [],
    });
  });
});
