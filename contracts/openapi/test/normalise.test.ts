import { describe, expect, it } from "vitest";
import { api, diff, ids, spec } from "./helpers.ts";

const str = { type: "string" };
const pet = {
  type: "object",
  required: ["id", "name"],
  properties: { id: { type: "integer" }, name: str },
};

describe("refactors that change nothing produce no findings", () => {
  it("inlining a component", async () => {
    const base = api({
      request: { $ref: "#/components/schemas/Pet" },
      response: { $ref: "#/components/schemas/Pet" },
      components: { schemas: { Pet: pet } },
    });
    expect(await ids(base, api({ request: pet, response: pet }))).toEqual([]);
  });

  it("moving an inline schema into components", async () => {
    const head = api({
      response: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
      components: { schemas: { Pet: pet } },
    });
    expect(await ids(api({ response: { type: "array", items: pet } }), head)).toEqual([]);
  });

  it("splitting an object into allOf of two objects with the same merged result", async () => {
    const split = {
      allOf: [
        { $ref: "#/components/schemas/Base" },
        { type: "object", required: ["name"], properties: { name: str } },
      ],
    };
    const components = {
      schemas: {
        Base: { type: "object", required: ["id"], properties: { id: { type: "integer" } } },
      },
    };
    expect(
      await ids(
        api({ request: pet, response: pet }),
        api({ request: split, response: split, components }),
      ),
    ).toEqual([]);
  });

  it("a chain of refs, and refs to refs", async () => {
    const components = { schemas: { A: { $ref: "#/components/schemas/B" }, B: pet } };
    expect(
      await ids(
        api({ response: pet }),
        api({ response: { $ref: "#/components/schemas/A" }, components }),
      ),
    ).toEqual([]);
  });

  it("documentation-only edits", async () => {
    const documented = {
      ...pet,
      description: "A pet",
      properties: { ...pet.properties, name: { ...str, description: "its name", example: "Rex" } },
    };
    expect(await ids(api({ response: pet }), api({ response: documented }))).toEqual([]);
  });
});

describe("3.0 and 3.1 nullability are the same thing", () => {
  const v30 = { type: "string", nullable: true };
  const forms31 = [
    { type: ["string", "null"] },
    { oneOf: [str, { type: "null" }] },
    { anyOf: [{ type: "null" }, str] },
    { type: "string", enum: ["a", null], nullable: false },
  ];
  it("nullable: true ≡ type [x, null] ≡ oneOf [x, {type: null}]", async () => {
    for (const f of forms31.slice(0, 3)) {
      expect(
        await ids(
          api({ response: v30, request: v30 }),
          api({ response: f, request: f, version: "3.1.0" }),
        ),
      ).toEqual([]);
    }
  });

  it("a null in the enum makes the value nullable", async () => {
    const before = { type: "string", enum: ["a"], nullable: true };
    expect(
      await ids(api({ response: before }), api({ response: forms31[3], version: "3.1.0" })),
    ).toEqual([]);
  });

  it("3.0 allOf [$ref] + nullable ≡ 3.1 oneOf [$ref, null]", async () => {
    const components = { schemas: { Pet: pet } };
    const v30ref = { allOf: [{ $ref: "#/components/schemas/Pet" }], nullable: true };
    const v31ref = { oneOf: [{ $ref: "#/components/schemas/Pet" }, { type: "null" }] };
    expect(
      await ids(
        api({ response: v30ref, components }),
        api({ response: v31ref, components, version: "3.1.0" }),
      ),
    ).toEqual([]);
  });

  it("dropping null in 3.1 is reported like dropping nullable in 3.0", async () => {
    expect(
      await ids(
        api({ request: { type: ["string", "null"] }, version: "3.1.0" }),
        api({ request: str, version: "3.1.0" }),
      ),
    ).toEqual(["request-became-not-nullable"]);
  });
});

describe("circular references", () => {
  const tree = (leafType: string) => ({
    schemas: {
      Node: {
        type: "object",
        required: ["value"],
        properties: {
          value: { type: leafType },
          children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
          parent: { $ref: "#/components/schemas/Node" },
        },
      },
    },
  });

  it("terminate, and changes inside the cycle are found", async () => {
    const findings = await diff(
      api({ response: { $ref: "#/components/schemas/Node" }, components: tree("string") }),
      api({ response: { $ref: "#/components/schemas/Node" }, components: tree("integer") }),
    );
    expect(findings.map((f) => [f.id, f.location])).toEqual([
      ["response-type-changed", "response 200 (application/json) body property value"],
    ]);
  });

  it("mutual recursion entered from different points reports the change from each", async () => {
    const schemas = (t: string) => ({
      schemas: {
        A: {
          type: "object",
          properties: { b: { $ref: "#/components/schemas/B" }, x: { type: t } },
        },
        B: { type: "object", properties: { a: { $ref: "#/components/schemas/A" } } },
      },
    });
    const paths = (t: string) =>
      spec(
        {
          "/a": {
            get: {
              responses: {
                "200": {
                  description: "",
                  content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } },
                },
              },
            },
          },
          "/b": {
            get: {
              responses: {
                "200": {
                  description: "",
                  content: { "application/json": { schema: { $ref: "#/components/schemas/B" } } },
                },
              },
            },
          },
        },
        schemas(t),
      );
    const findings = await diff(paths("string"), paths("integer"));
    expect(findings.map((f) => `${f.operation} ${f.location}`).sort()).toEqual([
      "GET /a/ response 200 (application/json) body property x".replace("/a/", "/a"),
      "GET /b response 200 (application/json) body property a.x",
    ]);
  });
});
