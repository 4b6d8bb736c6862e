import { describe, expect, it } from "vitest";
import { api, bothSides, diff } from "./helpers.ts";

const str = { type: "string" };
const obj = (properties: object, required: string[] = []) => ({
  type: "object",
  properties,
  required,
});

describe("properties", () => {
  it("a new required request property breaks; in a response it is compatible", async () => {
    expect(await bothSides(obj({ a: str }), obj({ a: str, b: str }, ["b"]))).toEqual({
      request: ["request-property-added-required"],
      response: ["response-property-added"],
    });
  });

  it("a new optional request property is compatible (INFO)", async () => {
    const [f] = await diff(
      api({ request: obj({ a: str }) }),
      api({ request: obj({ a: str, b: str }) }),
    );
    expect([f?.id, f?.level]).toEqual(["request-property-added", "INFO"]);
    expect(f?.location).toBe("request body (application/json) property b");
  });

  it("required → optional breaks responses; optional → required breaks requests", async () => {
    expect(await bothSides(obj({ a: str }, ["a"]), obj({ a: str }))).toEqual({
      request: ["request-property-became-optional"],
      response: ["response-property-became-optional"],
    });
    expect(await bothSides(obj({ a: str }), obj({ a: str }, ["a"]))).toEqual({
      request: ["request-property-became-required"],
      response: ["response-property-became-required"],
    });
  });

  it("removing a response property: required ERR, optional WARN; in requests WARN", async () => {
    expect(await bothSides(obj({ a: str, b: str }, ["b"]), obj({ a: str }))).toEqual({
      request: ["request-property-removed"],
      response: ["response-required-property-removed"],
    });
    expect((await bothSides(obj({ a: str, b: str }), obj({ a: str }))).response).toEqual([
      "response-optional-property-removed",
    ]);
  });

  it("read-only properties do not exist for requests, write-only ones not for responses", async () => {
    const ro = obj({ id: { type: "string", readOnly: true } }, ["id"]);
    expect(await bothSides(obj({}), ro)).toEqual({
      request: [],
      response: ["response-property-added"],
    });
    const wo = obj({ secret: { type: "string", writeOnly: true } }, ["secret"]);
    expect(await bothSides(obj({}), wo)).toEqual({
      request: ["request-property-added-required"],
      response: [],
    });
    expect(
      (
        await bothSides(
          obj({ a: str }, ["a"]),
          obj({ a: { type: "string", writeOnly: true } }, ["a"]),
        )
      ).response,
    ).toEqual(["response-required-property-removed"]);
  });

  it("nested properties are reported with their path", async () => {
    const before = obj({ owner: obj({ login: str }, ["login"]) });
    const after = obj({ owner: obj({ login: str }) });
    const [f] = await diff(api({ response: before }), api({ response: after }));
    expect(f?.id).toBe("response-property-became-optional");
    expect(f?.location).toBe("response 200 (application/json) body property owner.login");
  });

  it("array items are compared", async () => {
    const r = await bothSides(
      { type: "array", items: obj({ a: str }, ["a"]) },
      { type: "array", items: obj({ a: str }) },
    );
    expect(r.response).toEqual(["response-property-became-optional"]);
  });

  it("additionalProperties: closing a request object breaks, opening a response one may", async () => {
    expect(
      await bothSides(obj({ a: str }), { ...obj({ a: str }), additionalProperties: false }),
    ).toEqual({
      request: ["request-additional-properties-narrowed"],
      response: ["response-additional-properties-narrowed"],
    });
    expect(
      (await bothSides({ ...obj({}), additionalProperties: false }, obj({}))).response,
    ).toEqual(["response-additional-properties-widened"]);
    const map = (v: object) => ({ type: "object", additionalProperties: v });
    expect((await bothSides(map({ type: "integer" }), map(str))).response).toEqual([
      "response-type-changed",
    ]);
  });
});

describe("oneOf / anyOf / allOf", () => {
  const components = {
    schemas: {
      // Each requires its own property, so no value matches two of them.
      Cat: obj({ meow: str }, ["meow"]),
      Dog: obj({ bark: str }, ["bark"]),
      Bird: obj({ tweet: str }, ["tweet"]),
    },
  };
  const union = (kind: string, ...names: string[]) => ({
    [kind]: names.map((n) => ({ $ref: `#/components/schemas/${n}` })),
  });
  const sides = async (before: object, after: object) => ({
    request: (await diff(api({ request: before, components }), api({ request: after, components })))
      .map((f) => f.id)
      .sort(),
    response: (
      await diff(api({ response: before, components }), api({ response: after, components }))
    )
      .map((f) => f.id)
      .sort(),
  });

  it("an added variant breaks responses; a removed one breaks requests", async () => {
    expect(await sides(union("oneOf", "Cat", "Dog"), union("oneOf", "Cat", "Dog", "Bird"))).toEqual(
      {
        request: ["request-variant-added"],
        response: ["response-variant-added"],
      },
    );
    expect(await sides(union("anyOf", "Cat", "Dog"), union("anyOf", "Dog"))).toEqual({
      request: ["request-variant-removed"],
      response: ["response-variant-removed"],
    });
  });

  it("reordering variants is no change; editing one in place is compared inside it", async () => {
    expect(await sides(union("oneOf", "Cat", "Dog"), union("oneOf", "Dog", "Cat"))).toEqual({
      request: [],
      response: [],
    });
    const before = { oneOf: [obj({ a: str }, ["a"]), { type: "integer" }] };
    const after = { oneOf: [obj({ a: str }), { type: "integer" }] };
    const [f] = await diff(api({ response: before }), api({ response: after }));
    expect(f?.id).toBe("response-property-became-optional");
    expect(f?.location).toContain("(oneOf #1).a");
  });

  it("an allOf member that cannot be merged (it holds a union) is tracked as a member", async () => {
    const before = { allOf: [obj({ a: str })] };
    const after = {
      allOf: [obj({ a: str }), union("oneOf", "Cat", "Dog"), union("anyOf", "Bird")],
    };
    const r = await sides(
      { ...before, oneOf: [str, { type: "integer" }] },
      { ...after, oneOf: [str, { type: "integer" }] },
    );
    expect(r).toEqual({
      request: ["request-all-of-member-added", "request-union-constraint-added"],
      response: ["response-all-of-member-added", "response-union-constraint-added"],
    });
  });

  it("a plain schema turned into a union of itself and another is one added variant", async () => {
    const cat = { $ref: "#/components/schemas/Cat" };
    expect(await sides(cat, union("oneOf", "Cat", "Dog"))).toEqual({
      request: ["request-variant-added"],
      response: ["response-variant-added"],
    });
    expect(await sides(union("anyOf", "Cat", "Dog"), cat)).toEqual({
      request: ["request-variant-removed"],
      response: ["response-variant-removed"],
    });
  });

  it("a union constraint added beside an object's own properties narrows it", async () => {
    const before = obj({ a: str });
    const after = { ...obj({ a: str }), anyOf: [{ required: ["a"] }, { required: ["b"] }] };
    expect(await sides(before, after)).toEqual({
      request: ["request-union-constraint-added"],
      response: ["response-union-constraint-added"],
    });
  });

  it("adding an object member to allOf adds its constraints (merged, not a new member)", async () => {
    const r = await sides(
      { allOf: [union("oneOf", "Cat"), obj({ a: str })] },
      { allOf: [union("oneOf", "Cat"), obj({ a: str, b: str }, ["b"])] },
    );
    expect(r.request).toEqual(["request-property-added-required"]);
  });
});
