import { describe, expect, it } from "vitest";
import { api, diff } from "./helpers.ts";

/** Rule ids (sorted) for one schema change in a 3.1 request body and in a 3.1 response body. */
async function sides(before: unknown, after: unknown) {
  const ids = async (where: "request" | "response") =>
    (
      await diff(
        api({ [where]: before, version: "3.1.0" }),
        api({ [where]: after, version: "3.1.0" }),
      )
    )
      .map((f) => `${f.id} ${f.level}`)
      .sort();
  return { request: await ids("request"), response: await ids("response") };
}

const str = { type: "string" };
const tags = (extra: object = {}) => ({ type: "array", items: str, ...extra });
const obj = (extra: object = {}) => ({
  type: "object",
  properties: { card: str, billing: str, kind: str },
  ...extra,
});

describe("contains, minContains, maxContains", () => {
  const urgent = { contains: { const: "urgent" } };

  it("a new contains narrows: requests break; dropping it widens: responses break", async () => {
    expect(await sides(tags(), tags(urgent))).toEqual({
      request: ["request-contains-added ERR"],
      response: ["response-contains-added INFO"],
    });
    expect(await sides(tags(urgent), tags())).toEqual({
      request: ["request-contains-removed INFO"],
      response: ["response-contains-removed ERR"],
    });
  });

  it("minContains raised narrows, maxContains raised widens", async () => {
    expect(await sides(tags(urgent), tags({ ...urgent, minContains: 2 }))).toEqual({
      request: ["request-min-contains-increased ERR"],
      response: ["response-min-contains-increased INFO"],
    });
    expect(
      await sides(tags({ ...urgent, maxContains: 1 }), tags({ ...urgent, maxContains: 3 })),
    ).toEqual({
      request: ["request-max-contains-increased INFO"],
      response: ["response-max-contains-increased ERR"],
    });
  });

  it("minContains: 1 is what contains means without it: no change", async () => {
    expect(await sides(tags(urgent), tags({ ...urgent, minContains: 1 }))).toEqual({
      request: [],
      response: [],
    });
  });

  it("the contains schema is compared in the array's direction", async () => {
    const before = tags({ contains: { type: "string", enum: ["urgent", "low"] } });
    const after = tags({ contains: { type: "string", enum: ["urgent"] } });
    const r = await sides(before, after);
    expect(r.request).toEqual(["request-enum-value-removed ERR"]);
    expect(r.response).toEqual(["response-enum-value-removed INFO"]);
  });
});

describe("prefixItems and unevaluatedItems", () => {
  const pair = (...items: object[]) => ({ type: "array", prefixItems: items });

  it("a described position narrows requests; an undescribed one widens responses", async () => {
    expect(await sides(pair(str), pair(str, { type: "integer" }))).toEqual({
      request: ["request-prefix-item-added ERR"],
      response: ["response-prefix-item-added INFO"],
    });
    expect(await sides(pair(str, { type: "integer" }), pair(str))).toEqual({
      request: ["request-prefix-item-removed INFO"],
      response: ["response-prefix-item-removed ERR"],
    });
  });

  it("each position is compared with the usual rules", async () => {
    const f = await diff(
      api({ response: pair(str, { type: "integer" }), version: "3.1.0" }),
      api({ response: pair(str, { type: "number" }), version: "3.1.0" }),
    );
    expect(f.map((x) => [x.id, x.location])).toEqual([
      ["response-type-widened", "response 200 (application/json) body property [1]"],
    ]);
  });

  it("closing the items after the prefix narrows; opening them widens", async () => {
    expect(await sides(pair(str), { ...pair(str), items: false })).toEqual({
      request: ["request-unevaluated-items-narrowed ERR"],
      response: ["response-unevaluated-items-narrowed INFO"],
    });
    expect(await sides({ ...pair(str), unevaluatedItems: false }, pair(str))).toEqual({
      request: ["request-unevaluated-items-widened INFO"],
      response: ["response-unevaluated-items-widened ERR"],
    });
  });
});

describe("unevaluatedProperties", () => {
  it("false narrows requests; dropping it may surprise response readers", async () => {
    expect(await sides(obj(), obj({ unevaluatedProperties: false }))).toEqual({
      request: ["request-unevaluated-properties-narrowed ERR"],
      response: ["response-unevaluated-properties-narrowed INFO"],
    });
    expect(await sides(obj({ unevaluatedProperties: false }), obj())).toEqual({
      request: ["request-unevaluated-properties-widened INFO"],
      response: ["response-unevaluated-properties-widened WARN"],
    });
  });

  it("two schemas for the rest are compared", async () => {
    const r = await sides(
      obj({ unevaluatedProperties: { type: "integer" } }),
      obj({ unevaluatedProperties: { type: "string" } }),
    );
    expect(r).toEqual({
      request: ["request-type-changed ERR"],
      response: ["response-type-changed ERR"],
    });
  });
});

describe("dependentRequired and dependentSchemas", () => {
  it("a new dependency narrows requests; a dropped one breaks responses", async () => {
    const needs = obj({ dependentRequired: { card: ["billing"] } });
    expect(await sides(obj(), needs)).toEqual({
      request: ["request-dependent-required-added ERR"],
      response: ["response-dependent-required-added INFO"],
    });
    expect(await sides(needs, obj())).toEqual({
      request: ["request-dependent-required-removed INFO"],
      response: ["response-dependent-required-removed ERR"],
    });
    const [f] = await diff(
      api({ request: obj(), version: "3.1.0" }),
      api({ request: needs, version: "3.1.0" }),
    );
    expect(f?.message).toContain("when card is present, billing must be too");
  });

  it("a dependent schema added narrows, removed widens, changed is compared inside", async () => {
    const when = (s: object) => obj({ dependentSchemas: { card: s } });
    const required = { required: ["billing"] };
    expect(await sides(obj(), when(required))).toEqual({
      request: ["request-dependent-schema-added ERR"],
      response: ["response-dependent-schema-added INFO"],
    });
    expect(await sides(when(required), obj())).toEqual({
      request: ["request-dependent-schema-removed INFO"],
      response: ["response-dependent-schema-removed ERR"],
    });
    expect(await sides(when({}), when(required))).toEqual({
      request: ["request-property-became-required ERR"],
      response: ["response-property-became-required INFO"],
    });
  });
});

describe("const", () => {
  it("a const added narrows requests; dropped, it widens responses", async () => {
    expect(await sides(str, { ...str, const: "v1" })).toEqual({
      request: ["request-became-enum ERR"],
      response: ["response-became-enum INFO"],
    });
    expect(await sides({ ...str, const: "v1" }, str)).toEqual({
      request: ["request-enum-constraint-removed INFO"],
      response: ["response-enum-constraint-removed ERR"],
    });
  });

  it("another const value breaks both sides", async () => {
    expect(await sides({ const: "v1" }, { const: "v2" })).toEqual({
      request: ["request-enum-value-added INFO", "request-enum-value-removed ERR"],
      response: ["response-enum-value-added ERR", "response-enum-value-removed INFO"],
    });
  });
});

describe("if / then / else", () => {
  const cardNeedsBilling = {
    if: { properties: { kind: { const: "card" } }, required: ["kind"] },
    then: { required: ["billing"] },
  };

  it("a new conditional narrows requests; a dropped one breaks responses", async () => {
    expect(await sides(obj(), obj(cardNeedsBilling))).toEqual({
      request: ["request-conditional-added ERR"],
      response: ["response-conditional-added INFO"],
    });
    expect(await sides(obj(cardNeedsBilling), obj())).toEqual({
      request: ["request-conditional-removed INFO"],
      response: ["response-conditional-removed ERR"],
    });
  });

  it("then and else are compared in place; a changed condition breaks both sides", async () => {
    const withElse = { ...cardNeedsBilling, else: { required: ["card"] } };
    expect(await sides(obj(cardNeedsBilling), obj(withElse))).toEqual({
      request: ["request-property-became-required ERR"],
      response: ["response-property-became-required INFO"],
    });
    const otherIf = {
      ...cardNeedsBilling,
      if: { properties: { kind: { const: "sepa" } }, required: ["kind"] },
    };
    const r = await sides(obj(cardNeedsBilling), obj(otherIf));
    expect(r.request).toContain("request-conditional-changed ERR");
    expect(r.response).toContain("response-conditional-changed ERR");
  });

  it("an if without then or else constrains nothing", async () => {
    expect(await sides(obj(), obj({ if: { required: ["kind"] } }))).toEqual({
      request: [],
      response: [],
    });
  });
});

describe("a property two allOf members define", () => {
  it("is compared through both definitions", async () => {
    const two = (max: number) => ({
      allOf: [
        { type: "object", properties: { code: { type: "string" } } },
        { type: "object", properties: { code: { maxLength: max } } },
      ],
    });
    expect(await sides(two(5), two(3))).toEqual({
      request: ["request-max-length-decreased ERR"],
      response: ["response-max-length-decreased INFO"],
    });
  });
});
