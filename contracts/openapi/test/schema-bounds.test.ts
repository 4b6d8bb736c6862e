import { describe, expect, it } from "vitest";
import { bothSides } from "./helpers.ts";

describe("length, item and property counts", () => {
  const cases: [string, string, object, object, string, string][] = [
    [
      "maxLength lowered",
      "string",
      { maxLength: 10 },
      { maxLength: 5 },
      "request-max-length-decreased",
      "response-max-length-decreased",
    ],
    [
      "maxLength set",
      "string",
      {},
      { maxLength: 5 },
      "request-max-length-decreased",
      "response-max-length-decreased",
    ],
    [
      "maxLength removed",
      "string",
      { maxLength: 5 },
      {},
      "request-max-length-increased",
      "response-max-length-increased",
    ],
    [
      "minLength raised",
      "string",
      { minLength: 1 },
      { minLength: 3 },
      "request-min-length-increased",
      "response-min-length-increased",
    ],
    [
      "minLength removed",
      "string",
      { minLength: 3 },
      {},
      "request-min-length-decreased",
      "response-min-length-decreased",
    ],
    [
      "maxItems lowered",
      "array",
      { maxItems: 10 },
      { maxItems: 2 },
      "request-max-items-decreased",
      "response-max-items-decreased",
    ],
    [
      "minItems raised",
      "array",
      {},
      { minItems: 1 },
      "request-min-items-increased",
      "response-min-items-increased",
    ],
    [
      "maxProperties raised",
      "object",
      { maxProperties: 2 },
      { maxProperties: 4 },
      "request-max-properties-increased",
      "response-max-properties-increased",
    ],
    [
      "minProperties raised",
      "object",
      {},
      { minProperties: 1 },
      "request-min-properties-increased",
      "response-min-properties-increased",
    ],
  ];
  for (const [name, type, before, after, request, response] of cases) {
    it(name, async () => {
      expect(await bothSides({ type, ...before }, { type, ...after })).toEqual({
        request: [request],
        response: [response],
      });
    });
  }

  it("minLength 0 is the same as no minLength", async () => {
    expect(await bothSides({ type: "string" }, { type: "string", minLength: 0 })).toEqual({
      request: [],
      response: [],
    });
  });
});

describe("numeric bounds", () => {
  it("a lower maximum breaks requests, a higher one breaks responses", async () => {
    expect(
      await bothSides({ type: "integer", maximum: 10 }, { type: "integer", maximum: 5 }),
    ).toEqual({
      request: ["request-maximum-decreased"],
      response: ["response-maximum-decreased"],
    });
    expect(await bothSides({ type: "integer", maximum: 5 }, { type: "integer" })).toEqual({
      request: ["request-maximum-increased"],
      response: ["response-maximum-increased"],
    });
  });

  it("becoming exclusive tightens the bound", async () => {
    const r = await bothSides(
      { type: "number", minimum: 0 },
      { type: "number", minimum: 0, exclusiveMinimum: true },
    );
    expect(r).toEqual({
      request: ["request-minimum-increased"],
      response: ["response-minimum-increased"],
    });
  });

  it("3.0 boolean and 3.1 numeric exclusive bounds are the same bound", async () => {
    expect(
      await bothSides(
        { type: "number", maximum: 5, exclusiveMaximum: true },
        { type: "number", exclusiveMaximum: 5 },
      ),
    ).toEqual({ request: [], response: [] });
  });

  it("multipleOf changes are possibly breaking", async () => {
    expect(
      await bothSides({ type: "number", multipleOf: 1 }, { type: "number", multipleOf: 5 }),
    ).toEqual({
      request: ["request-multiple-of-changed"],
      response: ["response-multiple-of-changed"],
    });
  });
});

describe("patterns and uniqueness", () => {
  it("an added pattern breaks requests", async () => {
    expect(await bothSides({ type: "string" }, { type: "string", pattern: "^[a-z]+$" })).toEqual({
      request: ["request-pattern-added"],
      response: ["response-pattern-added"],
    });
  });

  it("a removed pattern is compatible for requests, possibly breaking for responses", async () => {
    expect(await bothSides({ type: "string", pattern: "^a" }, { type: "string" })).toEqual({
      request: ["request-pattern-removed"],
      response: ["response-pattern-removed"],
    });
  });

  it("a changed pattern is possibly breaking; .* counts as no pattern", async () => {
    expect(
      (await bothSides({ type: "string", pattern: "^a" }, { type: "string", pattern: "^b" }))
        .request,
    ).toEqual(["request-pattern-changed"]);
    expect(
      (await bothSides({ type: "string", pattern: "^a" }, { type: "string", pattern: ".*" }))
        .request,
    ).toEqual(["request-pattern-removed"]);
  });

  it("uniqueItems", async () => {
    expect(await bothSides({ type: "array" }, { type: "array", uniqueItems: true })).toEqual({
      request: ["request-unique-items-added"],
      response: ["response-unique-items-added"],
    });
    expect(
      (await bothSides({ type: "array", uniqueItems: true }, { type: "array" })).response,
    ).toEqual(["response-unique-items-removed"]);
  });
});
