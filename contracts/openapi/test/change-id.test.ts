import { describe, expect, it } from "vitest";
import { diffSpecs } from "../diff.ts";
import { loadSpec } from "../load.ts";
import { git, tempRepo, writeFiles } from "./fixtures.ts";
import { api, diff } from "./helpers.ts";

type Json = Record<string, unknown>;

/** The billing API: GET /invoices with a limit, and an invoice with a status. */
function billing(options: { status?: string[]; extraParam?: boolean; ping?: boolean } = {}): Json {
  const status = options.status ?? ["open", "paid"];
  return {
    openapi: "3.0.3",
    info: { title: "billing", version: "1" },
    paths: {
      "/invoices": {
        get: {
          operationId: "listInvoices",
          parameters: [
            ...(options.extraParam
              ? [{ name: "cursor", in: "query", schema: { type: "string" } }]
              : []),
            { name: "limit", in: "query", schema: { type: "integer", maximum: 100 } },
          ],
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": {
                  schema: { type: "array", items: { $ref: "#/components/schemas/Invoice" } },
                },
              },
            },
          },
        },
      },
      ...(options.ping
        ? {
            "/ping": {
              get: { operationId: "ping", responses: { "204": { description: "pong" } } },
            },
          }
        : {}),
    },
    components: {
      schemas: {
        Invoice: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "integer" }, status: { type: "string", enum: status } },
        },
      },
    },
  };
}

const lowered = (doc: Json): Json => {
  const copy = structuredClone(doc) as any;
  const params = copy.paths["/invoices"].get.parameters as Json[];
  (params.find((p) => p["name"] === "limit") as any).schema.maximum = 50;
  return copy;
};

const byRule = async (base: Json, head: Json) =>
  Object.fromEntries((await diff(base, head)).map((f) => [f.id, f.changeId]));

describe("change ids", () => {
  it("the same change keeps its id whatever else changes around it", async () => {
    const breaking = billing({ status: ["open", "paid", "void"] });
    const first = await byRule(billing(), lowered(breaking));
    const busier = await byRule(
      billing({ extraParam: true, ping: true }),
      lowered(billing({ status: ["open", "paid", "void"], extraParam: true, ping: true })),
    );
    expect(first["response-enum-value-added"]).toMatch(/^[0-9a-f]{10}$/);
    expect(busier["response-enum-value-added"]).toBe(first["response-enum-value-added"]);
    // The parameter moved from position 0 to 1: its id does not.
    expect(busier["request-maximum-decreased"]).toBe(first["request-maximum-decreased"]);
    expect(first["request-maximum-decreased"]).not.toBe(first["response-enum-value-added"]);
  });

  it("a different change (another value, another property) gets another id", async () => {
    const a = await byRule(billing(), billing({ status: ["open", "paid", "void"] }));
    const b = await byRule(billing(), billing({ status: ["open", "paid", "lost"] }));
    expect(a["response-enum-value-added"]).not.toBe(b["response-enum-value-added"]);
    const obj = (properties: string[]) => ({
      type: "object",
      properties: Object.fromEntries(properties.map((p) => [p, { type: "string" }])),
    });
    const removed = await diff(
      api({ response: obj(["a", "b", "c"]) }),
      api({ response: obj(["c"]) }),
    );
    expect(removed).toHaveLength(2);
    expect(removed[0]?.changeId).not.toBe(removed[1]?.changeId);
  });

  it("one change reached through several operations is one id", async () => {
    const two = (doc: Json): Json => {
      const copy = structuredClone(doc) as any;
      copy.paths["/invoices/{id}"] = {
        get: {
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          responses: copy.paths["/invoices"].get.responses,
        },
      };
      return copy;
    };
    const f = await diff(two(billing()), two(billing({ status: ["open", "paid", "void"] })));
    expect(f.map((x) => x.operation)).toEqual(["GET /invoices", "GET /invoices/{}"]);
    expect(new Set(f.map((x) => x.changeId)).size).toBe(1);
  });

  it("is stable across a rebase onto a base that moved on", async () => {
    const file = "api/openapi.json";
    const repo = tempRepo({ [file]: billing() });
    const commit = (doc: Json, message: string) => {
      writeFiles(repo, { [file]: doc });
      git(repo, "commit", "-q", "--allow-empty", "-am", message);
    };
    git(repo, "checkout", "-q", "-b", "feature");
    commit(lowered(billing({ status: ["open", "paid", "void"] })), "breaking");
    const before = await idsBetween(repo, "main", "feature", file);
    git(repo, "checkout", "-q", "main");
    commit(billing({ extraParam: true, ping: true }), "main moves on");
    git(repo, "checkout", "-q", "feature");
    git(repo, "rebase", "-q", "-X", "theirs", "main");
    // Whatever git merged, the rebased branch holds both sides' edits.
    commit(
      lowered(billing({ status: ["open", "paid", "void"], extraParam: true, ping: true })),
      "rebased",
    );
    expect(git(repo, "merge-base", "main", "feature").trim()).toBe(
      git(repo, "rev-parse", "main").trim(),
    );
    const after = await idsBetween(repo, "main", "feature", file);
    expect(after).toEqual(before);
    expect(Object.keys(before).sort()).toEqual([
      "request-maximum-decreased",
      "response-enum-value-added",
    ]);
  });
});

async function idsBetween(cwd: string, base: string, head: string, file: string) {
  const [b, h] = await Promise.all([
    loadSpec(`${base}:${file}`, { cwd }),
    loadSpec(`${head}:${file}`, { cwd }),
  ]);
  return Object.fromEntries(diffSpecs(b, h).map((f) => [f.id, f.changeId]));
}
