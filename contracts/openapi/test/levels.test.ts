import { describe, expect, it } from "vitest";
import { api, bothSides, diff } from "./helpers.ts";

type Json = Record<string, unknown>;
const levels = async (base: Json, head: Json) =>
  (await diff(base, head)).map((f) => `${f.id} ${f.level}`).sort();

const param = (schema: Json, extra: Json = {}) =>
  api({
    method: "get",
    parameters: [{ name: "limit", in: "query", schema, ...extra }],
  });

describe("defaults: what the server does for a client that leaves the value out", () => {
  const int = { type: "integer" };

  it("added, removed or changed on an optional parameter: ERR alike", async () => {
    expect(await levels(param(int), param({ ...int, default: 10 }))).toEqual([
      "request-default-added ERR",
    ]);
    expect(await levels(param({ ...int, default: 10 }), param(int))).toEqual([
      "request-default-removed ERR",
    ]);
    expect(await levels(param({ ...int, default: 10 }), param({ ...int, default: 20 }))).toEqual([
      "request-default-changed ERR",
    ]);
  });

  it("on a parameter required before and after, a default never applies: nothing", async () => {
    const required = { required: true };
    expect(
      await levels(
        param({ ...int, default: 10 }, required),
        param({ ...int, default: 20 }, required),
      ),
    ).toEqual([]);
    expect(await levels(param(int, required), param({ ...int, default: 20 }, required))).toEqual(
      [],
    );
    // Optional now: the default starts to apply.
    expect(
      await levels(param({ ...int, default: 10 }, required), param({ ...int, default: 20 })),
    ).toEqual(["request-default-changed ERR", "request-parameter-became-optional INFO"]);
  });

  it("on a required property the same holds; on an optional one it is ERR", async () => {
    const body = (def: number, required: string[]) => ({
      type: "object",
      required,
      properties: { size: { type: "integer", default: def } },
    });
    expect(
      await levels(api({ request: body(1, ["size"]) }), api({ request: body(2, ["size"]) })),
    ).toEqual([]);
    expect(await levels(api({ request: body(1, []) }), api({ request: body(2, []) }))).toEqual([
      "request-default-changed ERR",
    ]);
  });
});

describe("formats are constraints", () => {
  it("added narrows (requests break), removed widens (responses break)", async () => {
    const date = { type: "string", format: "date" };
    expect(await bothSides({ type: "string" }, date)).toEqual({
      request: ["request-format-added"],
      response: ["response-format-added"],
    });
    expect(await bothSides(date, { type: "string" })).toEqual({
      request: ["request-format-removed"],
      response: ["response-format-removed"],
    });
    const f = await diff(api({ request: { type: "string" } }), api({ request: date }));
    expect(f[0]?.level).toBe("ERR");
    const g = await diff(api({ response: date }), api({ response: { type: "string" } }));
    expect(g[0]?.level).toBe("ERR");
  });

  it("an unrelated format breaks both sides; a wider one only responses", async () => {
    const r = await levels(
      api({
        request: { type: "string", format: "date" },
        response: { type: "string", format: "date" },
      }),
      api({
        request: { type: "string", format: "uuid" },
        response: { type: "string", format: "uuid" },
      }),
    );
    expect(r).toEqual(["request-format-changed ERR", "response-format-changed ERR"]);
    const i32 = { type: "integer", format: "int32" };
    const i64 = { type: "integer", format: "int64" };
    expect(
      await levels(api({ request: i32, response: i32 }), api({ request: i64, response: i64 })),
    ).toEqual(["request-format-widened INFO", "response-format-widened ERR"]);
    expect(
      await levels(api({ request: i64, response: i64 }), api({ request: i32, response: i32 })),
    ).toEqual(["request-format-narrowed ERR", "response-format-narrowed INFO"]);
  });

  it("number → integer with int32 in a response is a narrowing: nothing breaks", async () => {
    expect(
      await levels(
        api({ response: { type: "number" } }),
        api({ response: { type: "integer", format: "int32" } }),
      ),
    ).toEqual(["response-format-added INFO", "response-type-narrowed INFO"]);
  });
});

describe("request bodies", () => {
  it("a removed request body breaks clients that send one", async () => {
    expect(await levels(api({ request: { type: "object" } }), api({}))).toEqual([
      "request-body-removed ERR",
    ]);
  });
});

describe("a query parameter widened to a form-exploded list (3.1)", () => {
  const scalar = { type: ["string", "integer"] };
  const list = { type: "array", items: { type: ["string", "integer"] } };
  const query = (schema: Json, extra: Json = {}) => ({
    ...api({
      method: "get",
      version: "3.1.0",
      parameters: [{ name: "tag", in: "query", schema, ...extra }],
    }),
  });

  it("every old query string is still valid: compatible", async () => {
    expect(await levels(query(scalar), query(list))).toEqual([
      "request-parameter-became-list INFO",
    ]);
    expect(await levels(query(scalar), query(list, { style: "form", explode: true }))).toEqual([
      "request-parameter-became-list INFO",
    ]);
  });

  it("items narrower than the old value still break; a list back to one value breaks", async () => {
    const strings = { type: "array", items: { type: "string" } };
    expect(await levels(query(scalar), query(strings))).toEqual([
      "request-parameter-became-list INFO",
      "request-type-narrowed ERR",
    ]);
    expect(await levels(query(list), query(scalar))).toEqual(["request-type-changed ERR"]);
  });

  it("not exploded, a list is written a=1,2: a changed type, not a widening", async () => {
    expect(
      await levels(query(scalar, { explode: false }), query(list, { explode: false })),
    ).toEqual(["request-type-changed ERR"]);
  });
});

describe("the empty pattern matches everything", () => {
  const s = (pattern?: string) => ({
    type: "string",
    ...(pattern !== undefined ? { pattern } : {}),
  });

  it("adding it is no change", async () => {
    expect(await bothSides(s(), s(""))).toEqual({ request: [], response: [] });
  });

  it("replacing a real pattern by it is a removal", async () => {
    expect(await bothSides(s("^[a-z]+$"), s(""))).toEqual({
      request: ["request-pattern-removed"],
      response: ["response-pattern-removed"],
    });
  });
});
