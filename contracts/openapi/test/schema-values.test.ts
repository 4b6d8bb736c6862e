import { describe, expect, it } from "vitest";
import { api, bothSides, diff } from "./helpers.ts";

const str = { type: "string" };

describe("schema types", () => {
  it("an incompatible type change breaks both sides", async () => {
    expect(await bothSides({ type: "string" }, { type: "integer" })).toEqual({
      request: ["request-type-changed"],
      response: ["response-type-changed"],
    });
  });

  it("integer → number widens: compatible for requests, breaking for responses", async () => {
    expect(await bothSides({ type: "integer" }, { type: "number" })).toEqual({
      request: ["request-type-widened"],
      response: ["response-type-widened"],
    });
  });

  it("number → integer narrows: breaking for requests, compatible for responses", async () => {
    const r = await bothSides({ type: "number" }, { type: "integer" });
    expect(r).toEqual({ request: ["request-type-narrowed"], response: ["response-type-narrowed"] });
    const [f] = await diff(
      api({ response: { type: "number" } }),
      api({ response: { type: "integer" } }),
    );
    expect(f?.level).toBe("INFO");
  });

  it("a type change stops the comparison of that value's other constraints", async () => {
    const r = await bothSides({ type: "string", maxLength: 5 }, { type: "integer", maximum: 5 });
    expect(r.request).toEqual(["request-type-changed"]);
  });

  it("format changes are possibly breaking", async () => {
    const r = await bothSides(
      { type: "string", format: "date" },
      { type: "string", format: "date-time" },
    );
    expect(r).toEqual({
      request: ["request-format-changed"],
      response: ["response-format-changed"],
    });
  });
});

describe("nullability", () => {
  it("becoming nullable breaks responses only", async () => {
    expect(await bothSides(str, { type: "string", nullable: true })).toEqual({
      request: ["request-became-nullable"],
      response: ["response-became-nullable"],
    });
    const [f] = await diff(
      api({ response: str }),
      api({ response: { type: "string", nullable: true } }),
    );
    expect(f?.level).toBe("ERR");
  });

  it("no longer nullable breaks requests only", async () => {
    expect(await bothSides({ type: "string", nullable: true }, str)).toEqual({
      request: ["request-became-not-nullable"],
      response: ["response-became-not-nullable"],
    });
  });
});

describe("enums", () => {
  const ab = { type: "string", enum: ["a", "b"] };
  it("an added value breaks responses, not requests", async () => {
    const r = await bothSides(ab, { type: "string", enum: ["a", "b", "c"] });
    expect(r).toEqual({
      request: ["request-enum-value-added"],
      response: ["response-enum-value-added"],
    });
    const findings = await diff(
      api({ request: ab, response: ab }),
      api({
        request: { ...ab, enum: ["a", "b", "c"] },
        response: { ...ab, enum: ["a", "b", "c"] },
      }),
    );
    expect(findings.map((f) => [f.id, f.level])).toEqual([
      ["response-enum-value-added", "ERR"],
      ["request-enum-value-added", "INFO"],
    ]);
  });

  it("a removed value breaks requests, not responses", async () => {
    const r = await bothSides(ab, { type: "string", enum: ["a"] });
    expect(r).toEqual({
      request: ["request-enum-value-removed"],
      response: ["response-enum-value-removed"],
    });
  });

  it("becoming an enum and dropping the enum", async () => {
    expect((await bothSides(str, ab)).request).toEqual(["request-became-enum"]);
    expect((await bothSides(ab, str)).response).toEqual(["response-enum-constraint-removed"]);
  });

  it("const is a one-value enum", async () => {
    expect(
      await bothSides({ type: "string", const: "a" }, { type: "string", enum: ["a"] }),
    ).toEqual({
      request: [],
      response: [],
    });
  });

  it("the message names the values", async () => {
    const [f] = await diff(
      api({ response: ab }),
      api({ response: { ...ab, enum: ["a", "b", "c"] } }),
    );
    expect(f?.message).toContain('enum value "c" added');
    expect(f?.message).toContain("Clients may receive a value they do not know.");
  });
});

describe("defaults and discriminators", () => {
  it("a changed request default is breaking; an added one possibly", async () => {
    const r = await bothSides({ type: "integer", default: 1 }, { type: "integer", default: 2 });
    expect(r).toEqual({
      request: ["request-default-changed"],
      response: ["response-default-changed"],
    });
    expect((await bothSides({ type: "integer" }, { type: "integer", default: 2 })).request).toEqual(
      ["request-default-added"],
    );
    expect((await bothSides({ type: "integer", default: 2 }, { type: "integer" })).request).toEqual(
      ["request-default-removed"],
    );
  });

  it("an unchanged default is no finding", async () => {
    expect(
      await bothSides({ type: "integer", default: 2 }, { type: "integer", default: 2 }),
    ).toEqual({
      request: [],
      response: [],
    });
  });

  it("a changed discriminator property is possibly breaking", async () => {
    const before = {
      type: "object",
      discriminator: { propertyName: "kind" },
      properties: { kind: str },
    };
    const after = {
      type: "object",
      discriminator: { propertyName: "type" },
      properties: { kind: str },
    };
    expect(await bothSides(before, after)).toEqual({
      request: ["request-discriminator-changed"],
      response: ["response-discriminator-changed"],
    });
  });
});
