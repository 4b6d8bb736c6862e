import { describe, expect, it } from "vitest";
import { api, diff } from "./helpers.ts";

const str = { type: "string" };
const obj = (properties: object, required: string[] = [], extra: object = {}) => ({
  type: "object",
  properties,
  required,
  ...extra,
});
const components = {
  schemas: {
    Card: obj({ number: str, holder: str }, ["number"]),
    // Every Card request (number, holder) is also a valid Named one: they overlap.
    Named: obj({ holder: str }),
    // Needs a property no Card request has: exclusive.
    Iban: obj({ iban: str }, ["iban"]),
  },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

async function found(before: unknown, after: unknown, side: "request" | "response" = "request") {
  const f = await diff(api({ [side]: before, components }), api({ [side]: after, components }));
  return f.map((x) => `${x.id} ${x.level}`);
}

describe("oneOf exclusivity", () => {
  it("wrapping a request body in a oneOf whose variants overlap breaks old requests", async () => {
    const r = await found(ref("Card"), { oneOf: [ref("Card"), ref("Named")] });
    expect(r).toEqual(["request-one-of-overlap-added ERR"]);
    const [f] = await diff(
      api({ request: ref("Card"), components }),
      api({ request: { oneOf: [ref("Card"), ref("Named")] }, components }),
    );
    expect(f?.message).toContain("oneOf variant Named added, overlapping Card");
    expect(f?.message).toContain("matching exactly one");
  });

  it("wrapping in a oneOf of exclusive variants only adds a variant", async () => {
    expect(await found(ref("Card"), { oneOf: [ref("Card"), ref("Iban")] })).toEqual([
      "request-variant-added INFO",
    ]);
  });

  it("adding a request variant that overlaps an existing one breaks; an exclusive one does not", async () => {
    expect(
      await found(
        { oneOf: [ref("Card"), ref("Iban")] },
        {
          oneOf: [ref("Card"), ref("Iban"), ref("Named")],
        },
      ),
    ).toEqual(["request-one-of-overlap-added ERR"]);
    expect(await found({ oneOf: [ref("Card")] }, { oneOf: [ref("Card"), ref("Iban")] })).toEqual([
      "request-variant-added INFO",
    ]);
  });

  it("variants told apart by type, by const or by a discriminating required value do not overlap", async () => {
    const kind = (k: string) =>
      obj({ kind: { type: "string", const: k }, amount: { type: "integer" } }, ["kind"]);
    expect(await found({ oneOf: [kind("card")] }, { oneOf: [kind("card"), kind("iban")] })).toEqual(
      ["request-variant-added INFO"],
    );
    expect(await found({ oneOf: [str] }, { oneOf: [str, { type: "integer" }] })).toEqual([
      "request-variant-added INFO",
    ]);
    expect(
      await found(
        { oneOf: [{ type: "integer", maximum: 9 }] },
        {
          oneOf: [
            { type: "integer", maximum: 9 },
            { type: "integer", minimum: 10 },
          ],
        },
      ),
    ).toEqual(["request-variant-added INFO"]);
    // integer values are numbers too.
    expect(
      await found(
        { oneOf: [{ type: "integer" }] },
        { oneOf: [{ type: "integer" }, { type: "number" }] },
      ),
    ).toEqual(["request-one-of-overlap-added ERR"]);
  });

  it("a discriminator picks the variant by its value: no overlap", async () => {
    const picked = (...names: string[]) => ({
      oneOf: names.map(ref),
      discriminator: { propertyName: "kind" },
    });
    expect(await found(picked("Card"), picked("Card", "Named"))).toEqual([
      "request-variant-added INFO",
    ]);
  });

  it("the same variant again in a oneOf overlaps itself", async () => {
    expect(await found({ oneOf: [ref("Card"), str] }, { oneOf: [ref("Card"), str, str] })).toEqual([
      "request-one-of-overlap-added ERR",
    ]);
  });

  it("anyOf needs no exclusivity, and a response oneOf is what the client receives", async () => {
    expect(await found(ref("Card"), { anyOf: [ref("Card"), ref("Named")] })).toEqual([
      "request-variant-added INFO",
    ]);
    expect(await found(ref("Card"), { oneOf: [ref("Card"), ref("Named")] }, "response")).toEqual([
      "response-variant-added ERR",
    ]);
  });
});

describe("anyOf variants identical to existing ones", () => {
  it("an added anyOf variant shaped like an existing one admits nothing new", async () => {
    const twin = obj({ number: str, holder: str }, ["number"]);
    expect(
      await found(
        { anyOf: [ref("Card"), ref("Iban")] },
        {
          anyOf: [ref("Card"), ref("Iban"), twin],
        },
        "response",
      ),
    ).toEqual([]);
    expect(
      await found(
        { anyOf: [ref("Card"), ref("Iban")] },
        {
          anyOf: [ref("Card"), ref("Iban"), twin],
        },
      ),
    ).toEqual([]);
  });

  it("a variant of another shape is still reported", async () => {
    expect(
      await found({ anyOf: [ref("Card")] }, { anyOf: [ref("Card"), ref("Iban")] }, "response"),
    ).toEqual(["response-variant-added ERR"]);
  });
});
