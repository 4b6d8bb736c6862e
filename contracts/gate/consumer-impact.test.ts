import { describe, expect, it } from "vitest";
import type { Finding } from "../openapi/finding.ts";
import type { PactInteraction } from "../pact/interactions.ts";
import { consumerImpact, serverBasePaths } from "./consumer-impact.ts";

const finding = (changeId: string, method: string, path: string): Finding => ({
  id: "response-enum-value-added",
  changeId,
  level: "ERR",
  operation: method ? `${method} ${path}` : "",
  method,
  path,
  location: "response 200 (application/json) body property status",
  detail: 'enum value "void" added',
  message: "",
  pointer: "",
  doc: "head",
});
const call = (
  consumer: string,
  method: string,
  path: string,
  description = `${method} ${path}`,
): PactInteraction => ({
  consumer,
  description,
  method,
  path,
});

describe("who a breaking change breaks", () => {
  const pacts = [
    call("web", "GET", "/invoices/7", "a request for invoice 7"),
    call("web", "GET", "/invoices", "a list"),
    call("mobile", "GET", "/v1/invoices/8", "invoice 8"),
    call("mobile", "POST", "/invoices/8", "pay invoice 8"),
  ];

  it("matches the operation's method and path template, under the servers' base path too", () => {
    const [row] = consumerImpact([finding("aaaaaaaaaa", "GET", "/invoices/{id}")], pacts, ["/v1"]);
    expect(row?.consumers).toEqual([
      { consumer: "mobile", interactions: ["invoice 8"] },
      { consumer: "web", interactions: ["a request for invoice 7"] },
    ]);
  });

  it("groups findings of one change across operations", () => {
    const rows = consumerImpact(
      [finding("aaaaaaaaaa", "GET", "/invoices/{id}"), finding("aaaaaaaaaa", "GET", "/invoices")],
      pacts,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.operations).toEqual(["GET /invoices/{id}", "GET /invoices"]);
    expect(rows[0]?.consumers).toEqual([
      { consumer: "web", interactions: ["a list", "a request for invoice 7"] },
    ]);
  });

  it("a change to the whole document reaches everyone; a webhook's and an unused operation's, no one", () => {
    expect(consumerImpact([finding("bbbbbbbbbb", "", "")], pacts)[0]?.consumers).toHaveLength(2);
    expect(
      consumerImpact([finding("cccccccccc", "POST", "webhook newInvoice")], pacts)[0]?.consumers,
    ).toEqual([]);
    expect(
      consumerImpact([finding("dddddddddd", "DELETE", "/invoices/{id}")], pacts)[0]?.consumers,
    ).toEqual([]);
  });

  it("reads the base paths of the servers", () => {
    expect(
      serverBasePaths({
        servers: [
          { url: "https://api.example.com/v1/" },
          { url: "/v2" },
          { url: "https://x.example" },
        ],
      }),
    ).toEqual(["/v1", "/v2"]);
  });
});
