import { describe, expect, it } from "vitest";
import { diff, ids, spec } from "./helpers.ts";

const schemes = {
  securitySchemes: {
    key: { type: "apiKey", in: "header", name: "X-Key" },
    oauth: {
      type: "oauth2",
      flows: { implicit: { authorizationUrl: "https://x/auth", scopes: { read: "", write: "" } } },
    },
  },
};
const withSecurity = (security?: object[], global?: object[]) =>
  spec(
    {
      "/pets": {
        get: { responses: { "200": { description: "" } }, ...(security ? { security } : {}) },
      },
    },
    structuredClone(schemes),
    global ? { security: global } : {},
  );

describe("security", () => {
  it("requiring authentication where none was needed breaks (oasdiff: info)", async () => {
    const [f] = await diff(withSecurity(), withSecurity([{ key: [] }]));
    expect([f?.id, f?.level, f?.detail]).toEqual([
      "security-requirement-added",
      "ERR",
      "now requires key",
    ]);
  });

  it("a new scope breaks; a removed scope does not", async () => {
    expect(
      await ids(withSecurity([{ oauth: ["read"] }]), withSecurity([{ oauth: ["read", "write"] }])),
    ).toEqual(["security-scope-added"]);
    expect(
      await ids(withSecurity([{ oauth: ["read", "write"] }]), withSecurity([{ oauth: ["read"] }])),
    ).toEqual(["security-scope-removed"]);
  });

  it("another scheme required alongside breaks; one fewer does not", async () => {
    expect(
      await ids(withSecurity([{ key: [] }]), withSecurity([{ key: [], oauth: ["read"] }])),
    ).toEqual(["security-requirement-added"]);
    expect(
      await ids(withSecurity([{ key: [], oauth: ["read"] }]), withSecurity([{ key: [] }])),
    ).toEqual(["security-requirement-removed"]);
  });

  it("alternatives: removing one breaks its users, adding one is compatible", async () => {
    expect(
      await ids(withSecurity([{ key: [] }, { oauth: [] }]), withSecurity([{ oauth: [] }])),
    ).toEqual(["security-alternative-removed"]);
    expect(
      await ids(withSecurity([{ oauth: [] }]), withSecurity([{ oauth: [] }, { key: [] }])),
    ).toEqual(["security-alternative-added"]);
  });

  it("document-level security applies to operations without their own; moving it is no change", async () => {
    expect(await ids(withSecurity(undefined, [{ key: [] }]), withSecurity([{ key: [] }]))).toEqual(
      [],
    );
    expect(
      await ids(withSecurity(undefined, [{ key: [] }]), withSecurity([{ key: [] }, {}])),
    ).toEqual(["security-alternative-added"]);
  });

  it("a scheme that moves its credentials breaks every client", async () => {
    const head = withSecurity([{ key: [] }]);
    (head["components"] as typeof schemes).securitySchemes.key = {
      type: "apiKey",
      in: "query",
      name: "key",
    };
    const findings = await diff(withSecurity([{ key: [] }]), head);
    expect(findings.map((f) => [f.id, f.operation, f.detail])).toEqual([
      ["security-scheme-changed", "", "in header → query, name X-Key → key"],
    ]);
  });
});
