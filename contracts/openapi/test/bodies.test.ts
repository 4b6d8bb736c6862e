import { describe, expect, it } from "vitest";
import { api, diff, ids, spec } from "./helpers.ts";

const str = { type: "string" };

describe("request bodies", () => {
  it("a new required body breaks; a new optional one is compatible", async () => {
    expect(await ids(api({}), api({ request: str, requestRequired: true }))).toEqual([
      "request-body-added-required",
    ]);
    expect(await ids(api({}), api({ request: str, requestRequired: false }))).toEqual([
      "request-body-added",
    ]);
  });

  it("becoming required breaks, becoming optional does not; removal breaks too", async () => {
    expect(await ids(api({ request: str, requestRequired: false }), api({ request: str }))).toEqual(
      ["request-body-became-required"],
    );
    expect(await ids(api({ request: str }), api({ request: str, requestRequired: false }))).toEqual(
      ["request-body-became-optional"],
    );
    const [f] = await diff(api({ request: str }), api({}));
    // Clients still send the body, which the server now rejects or ignores.
    expect([f?.id, f?.level]).toEqual(["request-body-removed", "ERR"]);
  });

  it("a removed media type breaks; an added one does not; parameters on the type do not count", async () => {
    const body = (...types: string[]) =>
      api({
        op: {
          requestBody: { content: Object.fromEntries(types.map((t) => [t, { schema: str }])) },
        },
      });
    expect(await ids(body("application/json", "text/plain"), body("application/json"))).toEqual([
      "request-media-type-removed",
    ]);
    expect(await ids(body("application/json"), body("application/json", "text/plain"))).toEqual([
      "request-media-type-added",
    ]);
    expect(await ids(body("application/json"), body("application/json; charset=utf-8"))).toEqual(
      [],
    );
  });

  it("request bodies behind $ref are followed", async () => {
    const components = {
      requestBodies: { Pet: { required: true, content: { "application/json": { schema: str } } } },
    };
    expect(
      await ids(
        api({ request: str }),
        api({ op: { requestBody: { $ref: "#/components/requestBodies/Pet" } }, components }),
      ),
    ).toEqual([]);
  });
});

describe("responses", () => {
  const responses = (r: object) => spec({ "/pets": { get: { responses: r } } });
  const json = (schema: object = str) => ({
    description: "",
    content: { "application/json": { schema } },
  });

  it("a removed success status breaks; an added one may", async () => {
    const findings = await diff(responses({ "200": json() }), responses({ "201": json() }));
    expect(findings.map((f) => [f.id, f.level])).toEqual([
      ["response-success-status-removed", "ERR"],
      ["response-success-status-added", "WARN"],
    ]);
  });

  it("error statuses added or removed are compatible", async () => {
    expect(
      await ids(responses({ "200": json() }), responses({ "200": json(), "404": json() })),
    ).toEqual(["response-status-added"]);
    expect(
      await ids(responses({ "200": json(), default: json() }), responses({ "200": json() })),
    ).toEqual(["response-status-removed"]);
  });

  it("a removed response media type breaks; an added one does not", async () => {
    const two = {
      description: "",
      content: { "application/json": { schema: str }, "text/csv": { schema: str } },
    };
    expect(await ids(responses({ "200": two }), responses({ "200": json() }))).toEqual([
      "response-media-type-removed",
    ]);
    expect(await ids(responses({ "200": json() }), responses({ "200": two }))).toEqual([
      "response-media-type-added",
    ]);
  });

  it("response headers: removal and becoming optional break", async () => {
    const withHeader = (headers: object) => responses({ "200": { ...json(), headers } });
    const rate = (required: boolean) => ({ "X-Rate": { required, schema: { type: "integer" } } });
    expect(await ids(withHeader(rate(true)), withHeader({}))).toEqual([
      "response-required-header-removed",
    ]);
    expect(await ids(withHeader(rate(false)), withHeader({}))).toEqual([
      "response-optional-header-removed",
    ]);
    expect(await ids(withHeader(rate(true)), withHeader(rate(false)))).toEqual([
      "response-header-became-optional",
    ]);
    expect(await ids(withHeader(rate(false)), withHeader(rate(true)))).toEqual([
      "response-header-became-required",
    ]);
    expect(await ids(withHeader({}), withHeader(rate(true)))).toEqual(["response-header-added"]);
    const wider = { "X-Rate": { required: true, schema: { type: "number" } } };
    expect(await ids(withHeader(rate(true)), withHeader(wider))).toEqual(["response-type-widened"]);
  });

  it("responses behind $ref are followed", async () => {
    const components = { responses: { Ok: json() } };
    const head = { ...responses({ "200": { $ref: "#/components/responses/Ok" } }), components };
    expect(await ids(responses({ "200": json() }), head)).toEqual([]);
  });
});
