import { describe, expect, it } from "vitest";
import { pactCompat } from "./openapi-compat.ts";

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });

function description(extra: Record<string, unknown> = {}) {
  return {
    openapi: "3.1.0",
    info: { title: "payments", version: "1" },
    servers: [{ url: "https://api.example.com/v1" }],
    paths: {
      "/plans": {
        get: {
          responses: {
            "200": { description: "plans", ...json({ $ref: "#/components/schemas/Plans" }) },
          },
        },
        post: {
          requestBody: json({
            type: "object",
            required: ["months"],
            properties: { months: { type: "integer", minimum: 1 } },
          }),
          responses: { "201": { description: "made" }, "4XX": { description: "refused" } },
        },
      },
      "/plans/{id}": {
        get: {
          responses: {
            default: { description: "a plan", ...json({ $ref: "#/components/schemas/Plan" }) },
          },
        },
      },
    },
    components: {
      schemas: {
        Plans: {
          type: "object",
          properties: { plans: { type: "array", items: { $ref: "#/components/schemas/Plan" } } },
        },
        Plan: {
          allOf: [
            { type: "object", properties: { months: { type: "integer" } } },
            { type: "object", properties: { apr: { type: ["number", "null"] } } },
          ],
        },
      },
    },
    ...extra,
  };
}

const pact = (...interactions: unknown[]) => ({ interactions });
const call = (
  method: string,
  path: string,
  response: unknown = { status: 200 },
  body?: unknown,
) => ({
  description: `${method} ${path}`,
  request: { method, path, ...(body !== undefined ? { body } : {}) },
  response,
});

describe("a consumer's pact read against the provider's description", () => {
  it("passes calls the description promises, also under the server's base path and through allOf", () => {
    const r = pactCompat(
      pact(
        call("GET", "/plans", { status: 200, body: { plans: [{ months: 3, apr: null }] } }),
        call("GET", "/v1/plans/7", { status: 200, body: { months: 6 } }),
        call("POST", "/plans", { status: 201 }, { months: 3 }),
        call("POST", "/plans", { status: 422 }, { months: 3 }),
      ),
      "portal",
      description(),
    );
    expect(r).toEqual({ interactions: 4, problems: [] });
  });

  it("names a call to an operation the description does not have", () => {
    const r = pactCompat(pact(call("DELETE", "/plans/7")), "portal", description());
    expect(r.problems).toEqual([
      {
        consumer: "portal",
        interaction: "DELETE /plans/7",
        call: "DELETE /plans/7",
        message: "the provider's description has no operation for DELETE /plans/7",
      },
    ]);
  });

  it("names a status the operation does not document", () => {
    const r = pactCompat(pact(call("GET", "/plans", { status: 404 })), "portal", description());
    expect(r.problems.map((p) => p.message)).toEqual([
      "it expects status 404, which GET /plans does not document",
    ]);
  });

  it("names a property the consumer reads that the provider's schema does not declare", () => {
    const r = pactCompat(
      pact(call("GET", "/plans", { status: 200, body: { plans: [{ months: 3, fee: 2 }] } })),
      "portal",
      description(),
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      'response 200 body at /plans/0 reads "fee", which the provider\'s schema does not declare',
    ]);
  });

  it("names a value of the wrong type, and a request body the provider would refuse", () => {
    const r = pactCompat(
      pact(
        call("GET", "/plans", { status: 200, body: { plans: [{ months: "3" }] } }),
        call("POST", "/plans", { status: 201 }, { months: 0 }),
      ),
      "portal",
      description(),
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      "response 200 body at /plans/0/months must be integer",
      "request body at /months must be >= 1",
    ]);
  });

  it("reads OpenAPI 3.0's nullable and boolean exclusiveMinimum as 3.0 means them", () => {
    const doc = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {
        "/n": {
          get: {
            responses: {
              "200": {
                description: "n",
                ...json({
                  type: "object",
                  properties: {
                    note: { type: "string", nullable: true },
                    count: { type: "integer", minimum: 0, exclusiveMinimum: true },
                  },
                }),
              },
            },
          },
        },
      },
    };
    const ok = pactCompat(
      pact(call("GET", "/n", { status: 200, body: { note: null, count: 1 } })),
      "web",
      doc,
    );
    expect(ok.problems).toEqual([]);
    const bad = pactCompat(
      pact(call("GET", "/n", { status: 200, body: { count: 0 } })),
      "web",
      doc,
    );
    expect(bad.problems.map((p) => p.message)).toEqual(["response 200 body at /count must be > 0"]);
  });

  it("leaves message interactions out of the count", () => {
    const r = pactCompat(
      pact({ description: "an event", contents: { a: 1 } }, call("GET", "/plans")),
      "portal",
      description(),
    );
    expect(r.interactions).toBe(1);
  });
});
