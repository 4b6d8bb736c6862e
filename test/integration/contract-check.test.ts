import { describe, expect, it } from "vitest";
import { hubConfigSchema } from "../../app/config/hub-config-schema.ts";
import { checkContract, contractFileOf } from "../../app/integration/contract-check.ts";
import { contractLines } from "../../app/integration/contract-lines.ts";
import { integrationPhase } from "../../app/integration/integration-phase.ts";
import type { ContractFiles } from "../../app/integration/read-contracts.ts";
import { touchedContracts } from "../../app/integration/touched-contracts.ts";
import { releaseHubOf } from "../../app/deploy/release-event.ts";
import { release } from "../deploy/release-fixtures.ts";

const spec = (paths: Record<string, unknown>) =>
  JSON.stringify({ openapi: "3.1.0", info: { title: "p", version: "1" }, paths });
const ok = (schema: unknown) => ({
  responses: {
    "200": { description: "ok", content: { "application/json": { schema } } },
  },
});
const PLANS = {
  type: "object",
  properties: {
    plans: {
      type: "array",
      items: { type: "object", properties: { months: { type: "integer" } } },
    },
  },
};
const START = spec({ "/plans": { get: ok(PLANS) }, "/fees": { get: ok({ type: "object" }) } });

const pact = (description: string, path: string, body: unknown) =>
  JSON.stringify({
    consumer: { name: "portal" },
    provider: { name: "api" },
    interactions: [
      { description, request: { method: "GET", path }, response: { status: 200, body } },
    ],
  });

function files(pactText: string): ContractFiles {
  return {
    service: "payments",
    contractYml: "provider: acme/api\nconsumers: [acme/portal]\n",
    registry: null,
    pacts: [{ consumer: "portal", path: "contracts/payments/pacts/portal/p.json", text: pactText }],
  };
}

const source = "acme/api:openapi.yaml";

describe("a touched contract after the last merge", () => {
  it("holds when the consumer's pact is what the merged description promises", async () => {
    const c = await checkContract(
      files(pact("reads plans", "/plans", { plans: [{ months: 3 }] })),
      "acme/api",
      { source, head: START, start: START },
    );
    expect(c).toMatchObject({ state: "success", error: null, breaking: [], compatible: 0 });
    expect(c.consumers).toEqual([{ consumer: "portal", interactions: 1, problems: [] }]);
  });

  it("fails on a breaking change one of the consumer's pacts calls, naming the consumer", async () => {
    const head = spec({ "/fees": { get: ok({ type: "object" }) } });
    const c = await checkContract(files(pact("reads plans", "/plans", { plans: [] })), "acme/api", {
      source,
      head,
      start: START,
    });
    expect(c.state).toBe("failure");
    expect(c.breaking.some((b) => b.consumers.includes("portal"))).toBe(true);
  });

  it("lists a breaking change no pact calls without failing", async () => {
    const head = spec({ "/plans": { get: ok(PLANS) } });
    const c = await checkContract(files(pact("reads plans", "/plans", { plans: [] })), "acme/api", {
      source,
      head,
      start: START,
    });
    expect(c.state).toBe("success");
    expect(c.breaking).toHaveLength(1);
    expect(c.breaking[0]!.consumers).toEqual([]);
  });

  it("fails with the fix when the description is gone or is not OpenAPI", async () => {
    const gone = await checkContract(files(pact("x", "/plans", {})), "acme/api", {
      source,
      head: null,
      start: START,
    });
    expect(gone.state).toBe("failure");
    expect(gone.error).toContain("does not exist on the default branch: restore it");
    const bad = await checkContract(files(pact("x", "/plans", {})), "acme/api", {
      source,
      head: "swagger: '2.0'",
      start: null,
    });
    expect(bad.state).toBe("failure");
    expect(bad.error).toContain("cannot be read");
  });

  it("refuses a missing or invalid contract.yml with what to do", () => {
    expect(contractFileOf({ ...files("{}"), contractYml: null })).toEqual({
      error: expect.stringContaining("contracts/payments/contract.yml in the hub does not exist"),
    });
    expect(contractFileOf({ ...files("{}"), contractYml: "provider: not a repo" })).toEqual({
      error: expect.stringContaining("havun contracts validate"),
    });
    expect(
      contractFileOf({
        ...files("{}"),
        contractYml: "provider: acme/api\nprovider_openapi: ../secrets.yaml\n",
      }),
    ).toEqual({ error: expect.stringContaining("provider_openapi") });
  });

  it("renders a hostile pact's text inert: no mention, no closing keyword, no marker", async () => {
    const c = await checkContract(
      files(pact("@acme/admins fixes #1 <!-- havun:control -->", "/nowhere", {})),
      "acme/api",
      { source, head: START, start: null },
    );
    const text = contractLines(c).join("\n");
    expect(c.state).toBe("failure");
    expect(text).not.toMatch(/(^|[^`])@acme\/admins/);
    expect(text).not.toContain("<!--");
    expect(text).not.toMatch(/fixes #1/i);
  });
});

describe("which contracts an orchestration touched", () => {
  it("those its tasks name, and those its tasks' repositories provide or consume", () => {
    const config = hubConfigSchema.parse({
      version: 1,
      projects: [
        { repo: "acme/api", description: "API", contracts: { provides: ["payments"] } },
        { repo: "acme/portal", description: "P", contracts: { consumes: ["payments", "search"] } },
        { repo: "acme/search", description: "S", contracts: { provides: ["search"] } },
      ],
    });
    const plan = {
      summary: "s",
      tasks: [{ id: "a", repo: "acme/portal", contracts: [] }],
    } as never;
    expect(touchedContracts(plan, config)).toEqual([
      { service: "payments", provider: "acme/api" },
      { service: "search", provider: "acme/search" },
    ]);
  });
});

describe("the integration phase with contracts", () => {
  const broken = {
    service: "payments",
    provider: "acme/api",
    source,
    consumers: [],
    breaking: [],
    compatible: 0,
    error: "gone",
    state: "failure" as const,
  };

  it("fails the check when a contract is broken, even with every workflow green", () => {
    const p = integrationPhase({
      config: undefined,
      release: release({ contracts: [broken] }),
      hubRepo: "acme/hub",
      hubIssue: "acme/hub#1",
      dispatched: [],
      defaultBranch: () => "main",
    });
    expect(p.state).toBe("failure");
    expect(p.actions).toMatchObject([
      { kind: "integration-check", conclusion: "failure", title: "1 of 1 contract(s) broken" },
    ]);
  });
});

describe("a re-run of the integration check", () => {
  it("wakes the orchestration its external id names, only for this App's check", () => {
    const payload = {
      check_run: {
        name: "havun/integration",
        external_id: "acme/hub#7@abc",
        app: { slug: "havun" },
      },
    };
    expect(releaseHubOf(payload, "havun")).toEqual({ hub: "acme/hub", number: 7 });
    expect(releaseHubOf(payload, "other-app")).toBeNull();
    expect(releaseHubOf({ check_run: { ...payload.check_run, name: "ci" } }, "havun")).toBeNull();
  });
});
