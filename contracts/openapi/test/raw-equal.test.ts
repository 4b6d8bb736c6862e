import { describe, expect, it } from "vitest";
import { Resolver } from "../resolver.ts";
import { RawEquality } from "../schema/raw-equal.ts";

const noRefs = { get: () => undefined };
const docWith = (schemas: Record<string, unknown>) => ({ components: { schemas } });

/** Two documents parsed separately, as the engine has them (no shared objects). */
function equality(base: object = {}, head: object = {}) {
  const b = structuredClone(base);
  const h = structuredClone(head);
  return new RawEquality(new Resolver(noRefs, "base", b), new Resolver(noRefs, "head", h));
}
const same = (x: unknown, y: unknown, names = false) =>
  equality().equal(structuredClone(x), structuredClone(y), names);

describe("raw equality (the shortcut before normalising)", () => {
  const pet = {
    type: "object",
    required: ["id"],
    properties: { id: { type: "integer" }, name: { type: "string", maxLength: 20 } },
  };

  it("the same keys in the same order, or in another order, are equal", () => {
    expect(same(pet, pet)).toBe(true);
    const reordered = {
      properties: { name: { maxLength: 20, type: "string" }, id: { type: "integer" } },
      required: ["id"],
      type: "object",
    };
    expect(same(pet, reordered)).toBe(true);
  });

  it("a value that differs is found in either order", () => {
    const shorter = structuredClone(pet);
    shorter.properties.name.maxLength = 10;
    expect(same(pet, shorter)).toBe(false);
    const { type, required, properties } = shorter;
    expect(same(pet, { properties, required, type })).toBe(false);
  });

  it("documentation is not compared; a key only one side has is", () => {
    expect(same(pet, { ...pet, description: "a pet", example: { id: 1 }, "x-tag": 1 })).toBe(true);
    expect(same({ ...pet, title: "Pet" }, pet)).toBe(false);
    expect(same(pet, { ...pet, additionalProperties: false })).toBe(false);
    expect(same({ ...pet, additionalProperties: false }, pet)).toBe(false);
  });

  it("under a name map, a property called description is a name, compared like any other", () => {
    const props = (d: object) => ({ type: "object", properties: { description: d } });
    expect(same(props({ type: "string" }), props({ type: "integer" }))).toBe(false);
    expect(same({ description: 1 }, { description: 2 }, true)).toBe(false);
  });

  it("follows $refs and compares what they lead to", () => {
    const ref = { $ref: "#/components/schemas/Pet" };
    const e = equality(docWith({ Pet: pet }), docWith({ Pet: { ...pet, required: [] } }));
    expect(e.equal(ref, { ...ref })).toBe(false);
    const f = equality(docWith({ Pet: pet }), docWith({ Pet: structuredClone(pet) }));
    expect(f.equal(ref, { ...ref, description: "the pet" })).toBe(true);
  });
});
