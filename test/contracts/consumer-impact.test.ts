import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runContractCheck } from "../../contracts/gate/contract-check.ts";
import { tempRepo } from "../../contracts/openapi/test/fixtures.ts";
import { consumerPact, pactFileName } from "../../contracts/pact/consumer.ts";
import { publishPact } from "../../contracts/pact/publish.ts";
import { writeWebPact } from "./web-consumer.ts";

/** Billing: read and delete an invoice; head adds a status and stops deleting. */
const billing = (head: boolean) => ({
  openapi: "3.0.3",
  info: { title: "billing", version: "1" },
  paths: {
    "/invoices/{id}": {
      get: {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["id", "total", "status"],
                  properties: {
                    id: { type: "integer" },
                    total: { type: "number" },
                    status: {
                      type: "string",
                      enum: head ? ["open", "paid", "void"] : ["open", "paid"],
                    },
                  },
                },
              },
            },
          },
          "404": { description: "none" },
        },
      },
      ...(head ? {} : { delete: { responses: { "204": { description: "deleted" } } } }),
    },
  },
});

let root: string;
let hub: string;
const provider = tempRepo({ "openapi.json": billing(false) }, { "openapi.json": billing(true) });

/** acme/mobile's consumer test: one interaction, written by Pact's mock server like web's. */
async function writeMobilePact(dir: string): Promise<string> {
  const pact = consumerPact({ consumer: "acme/mobile", service: "billing", dir });
  await pact
    .addInteraction()
    .given("invoice 9 exists", { id: 9 })
    .uponReceiving("the invoice screen loads invoice 9")
    .withRequest("GET", "/invoices/9")
    .willRespondWith(200, (b) => b.jsonBody({ id: 9, status: "paid" }))
    .executeTest(async (mock) => {
      const res = await fetch(`${mock.url}/invoices/9`);
      expect(res.status).toBe(200);
    });
  return join(dir, pactFileName("acme/mobile", "billing"));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "havun-impact-"));
  hub = join(root, "contracts");
  await mkdir(join(hub, "billing"), { recursive: true });
  await writeFile(
    join(hub, "billing", "contract.yml"),
    "provider: acme/billing\nconsumers:\n  - acme/web\n  - acme/mobile\n",
  );
  await publishPact({
    file: await writeWebPact(join(root, "web")),
    hubDir: hub,
    service: "billing",
  });
  await publishPact({
    file: await writeMobilePact(join(root, "mobile")),
    hubDir: hub,
    service: "billing",
  });
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const check = (pactsDir?: string) =>
  runContractCheck({
    service: "billing",
    cwd: provider,
    openapi: { path: "openapi.json", base: "HEAD~1", head: "HEAD" },
    ...(pactsDir ? { pactsDir } : {}),
  });

describe("consumer impact in the contracts check's summary", () => {
  it("lists, for each breaking change, the consumers whose pacts call it and the interactions", async () => {
    const r = await check(hub);
    const ids = Object.fromEntries(r.openapi!.breaking.map((f) => [f.id, f.changeId]));
    expect(r.summary).toContain("### Who breaks");
    expect(r.summary).toContain("From the 3 interactions of the consumers' pacts for `billing`:");
    const impact = r.summary.slice(r.summary.indexOf("### Who breaks"));
    const row = (id: string) => impact.split("\n").find((l) => l.startsWith(`| \`${id}\``));
    expect(row(ids["response-enum-value-added"]!)).toContain(
      "| **mobile**: “the invoice screen loads invoice 9”; **web**: “a request for an invoice that does not exist”, “a request for invoice 7” |",
    );
    expect(row(ids["operation-removed"]!)).toMatch(
      /DELETE \/invoices\/\{id\}.*\| no pact calls it \|$/,
    );
  });

  it("says so when no consumer has published a pact, or when it was given none", async () => {
    const empty = join(root, "empty");
    await mkdir(join(empty, "billing"), { recursive: true });
    expect((await check(empty)).summary).toContain(
      "No consumer has published a pact for `billing`, so nobody's recorded use of the API is known to break.",
    );
    expect((await check()).summary).toContain(
      "Who breaks is not known: the check was given no pacts (`--pacts-dir`, the hub's registry folder).",
    );
  });
});
