import { describe, expect, it } from "vitest";
import { api, diff, ids, spec } from "./helpers.ts";

const ok = { "200": { description: "ok" } };
const get = (extra: object = {}) => ({ get: { operationId: "getPet", responses: ok, ...extra } });

describe("operations", () => {
  it("a removed operation is breaking; an added one compatible", async () => {
    const base = spec({ "/pets": get(), "/pets/{id}": get() });
    const head = spec({ "/pets": get(), "/owners": get() });
    const findings = await diff(base, head);
    expect(findings.map((f) => [f.id, f.level, f.operation, f.detail])).toEqual([
      ["operation-removed", "ERR", "GET /pets/{}", "path removed"],
      ["operation-added", "INFO", "GET /owners", "added"],
    ]);
  });

  it("a removed method names the method; a deprecated one removed is only a warning", async () => {
    const base = spec({
      "/pets": { ...get(), delete: { responses: ok }, put: { deprecated: true, responses: ok } },
    });
    const findings = await diff(base, spec({ "/pets": get() }));
    expect(findings.map((f) => [f.id, f.operation, f.detail])).toEqual([
      ["operation-removed", "DELETE /pets", "method removed"],
      ["deprecated-operation-removed", "PUT /pets", "method removed"],
    ]);
  });

  it("renaming a path parameter is not a change", async () => {
    const param = (name: string) => ({
      name,
      in: "path",
      required: true,
      schema: { type: "string" },
    });
    const base = spec({
      "/pets/{id}/toys/{toy}": get({ parameters: [param("id"), param("toy")] }),
    });
    const head = spec({
      "/pets/{petId}/toys/{toyId}": get({ parameters: [param("petId"), param("toyId")] }),
    });
    expect(await ids(base, head)).toEqual([]);
  });

  it("path parameters are matched by position, not by name", async () => {
    const p = (name: string, type: string) => ({
      name,
      in: "path",
      required: true,
      schema: { type },
    });
    const base = spec({ "/a/{x}/{y}": get({ parameters: [p("x", "string"), p("y", "integer")] }) });
    const swapped = spec({
      "/a/{y}/{x}": get({ parameters: [p("x", "integer"), p("y", "string")] }),
    });
    expect(await ids(base, swapped)).toEqual([]);
    const retyped = spec({
      "/a/{y}/{x}": get({ parameters: [p("x", "string"), p("y", "integer")] }),
    });
    expect(await ids(base, retyped)).toEqual(["request-type-changed", "request-type-changed"]);
  });

  it("operationId changes and deprecation", async () => {
    const findings = await diff(
      spec({ "/pets": get() }),
      spec({ "/pets": get({ operationId: "listPets", deprecated: true }) }),
    );
    expect(findings.map((f) => [f.id, f.level])).toEqual([
      ["operation-id-changed", "WARN"],
      ["operation-deprecated", "INFO"],
    ]);
  });

  it("path items behind $ref are followed", async () => {
    const components = { pathItems: { Pets: get() } };
    const head = {
      ...spec({ "/pets": { $ref: "#/components/pathItems/Pets" } }, components),
      openapi: "3.1.0",
    };
    expect(await ids(spec({ "/pets": get() }), head)).toEqual([]);
  });
});

describe("parameters", () => {
  const q = (extra: object = {}) => ({
    name: "limit",
    in: "query",
    schema: { type: "integer" },
    ...extra,
  });
  const withParams = (...parameters: object[]) => api({ method: "get", parameters });

  it("a new required parameter breaks; a new optional one is compatible", async () => {
    expect(await ids(withParams(), withParams(q({ required: true })))).toEqual([
      "request-parameter-added-required",
    ]);
    const [f] = await diff(withParams(), withParams(q()));
    expect([f?.id, f?.level, f?.location]).toEqual([
      "request-parameter-added",
      "INFO",
      "query parameter limit",
    ]);
  });

  it("optional → required breaks, required → optional does not", async () => {
    expect(await ids(withParams(q()), withParams(q({ required: true })))).toEqual([
      "request-parameter-became-required",
    ]);
    expect(await ids(withParams(q({ required: true })), withParams(q()))).toEqual([
      "request-parameter-became-optional",
    ]);
  });

  it("removal: possibly breaking, unless it was deprecated", async () => {
    expect(await ids(withParams(q()), withParams())).toEqual(["request-parameter-removed"]);
    expect(await ids(withParams(q({ deprecated: true })), withParams())).toEqual([
      "request-deprecated-parameter-removed",
    ]);
    expect(await ids(withParams(q()), withParams(q({ deprecated: true })))).toEqual([
      "request-parameter-deprecated",
    ]);
  });

  it("serialization style and explode, with the defaults filled in", async () => {
    const arr = { name: "ids", in: "query", schema: { type: "array", items: { type: "string" } } };
    expect(
      await ids(withParams(arr), withParams({ ...arr, style: "form", explode: true })),
    ).toEqual([]);
    expect(await ids(withParams(arr), withParams({ ...arr, explode: false }))).toEqual([
      "request-parameter-style-changed",
    ]);
    expect(await ids(withParams(arr), withParams({ ...arr, style: "pipeDelimited" }))).toEqual([
      "request-parameter-style-changed",
    ]);
  });

  it("parameter schemas are compared as requests", async () => {
    expect(
      await ids(
        withParams(q({ schema: { type: "integer", maximum: 100 } })),
        withParams(q({ schema: { type: "integer", maximum: 10 } })),
      ),
    ).toEqual(["request-maximum-decreased"]);
    expect(
      await ids(
        withParams(q({ schema: { type: "integer" } })),
        withParams(q({ schema: { type: "integer", maximum: 10 } })),
      ),
    ).toEqual(["request-maximum-decreased"]);
  });

  it("headers match case-insensitively; Accept, Content-Type and Authorization are ignored", async () => {
    const h = (name: string, extra: object = {}) => ({
      name,
      in: "header",
      schema: { type: "string" },
      ...extra,
    });
    expect(await ids(withParams(h("X-Trace")), withParams(h("x-trace")))).toEqual([]);
    expect(
      await ids(
        withParams(),
        withParams(h("Authorization", { required: true }), h("Accept", { required: true })),
      ),
    ).toEqual([]);
  });

  it("path-item parameters apply to the operation; the operation's override them", async () => {
    const base = spec({ "/pets": { parameters: [q()], get: { responses: ok } } });
    const head = spec({
      "/pets": { parameters: [q()], get: { parameters: [q({ required: true })], responses: ok } },
    });
    expect(await ids(base, head)).toEqual(["request-parameter-became-required"]);
  });

  it("parameters behind $ref are followed", async () => {
    const components = { parameters: { Limit: q() } };
    const head = api({
      method: "get",
      parameters: [{ $ref: "#/components/parameters/Limit" }],
      components,
    });
    expect(await ids(withParams(q()), head)).toEqual([]);
  });
});
