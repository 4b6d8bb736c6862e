import type { AddressInfo } from "node:net";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PactError } from "../../contracts/pact/errors.ts";
import { formatVerifyReport } from "../../contracts/pact/format.ts";
import { publishPact } from "../../contracts/pact/publish.ts";
import { loadStateHandlers } from "../../contracts/pact/states.ts";
import { verifyPacts } from "../../contracts/pact/verify.ts";
import { copyBillingService } from "./billing-hub.ts";
import { createBillingServer } from "./fixtures/billing/server.mjs";
import { writeWebPact } from "./web-consumer.ts";

const states = join(import.meta.dirname, "fixtures", "billing", "pact-states.mjs");
let dir: string;
let hub: string;

/** The billing provider on a free port, returning `fields` of an invoice. */
async function provider(fields?: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = createBillingServer(fields ? { fields } : {});
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((r) => server.close(() => r())) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "havun-verify-"));
  hub = await copyBillingService(join(dir, "hub"));
  await publishPact({
    file: await writeWebPact(join(dir, "web")),
    hubDir: hub,
    service: "billing",
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("verifying the hub's pacts against a running provider", () => {
  it("passes when the provider keeps the contract, with its states set up by the states module", async () => {
    const p = await provider();
    try {
      const report = await verifyPacts({
        dir: hub,
        service: "billing",
        providerUrl: p.url,
        stateHandlers: await loadStateHandlers(states, { providerUrl: p.url }),
      });
      expect(report.ok).toBe(true);
      expect(report.pacts).toEqual([
        {
          consumer: "web",
          file: join(hub, "billing", "pacts", "web", "web-billing.json"),
          ok: true,
          interactions: [
            { description: "a request for an invoice that does not exist", ok: true },
            { description: "a request for invoice 7", ok: true },
          ],
          failures: [],
          missingStates: [],
        },
      ]);
    } finally {
      await p.close();
    }
  });

  it("fails when the provider breaks the contract, naming the interaction and the mismatch", async () => {
    const p = await provider(["id", "total"]);
    try {
      const report = await verifyPacts({
        dir: hub,
        service: "billing",
        providerUrl: p.url,
        stateHandlers: await loadStateHandlers(states, { providerUrl: p.url }),
      });
      expect(report.ok).toBe(false);
      expect(report.pacts[0]!.interactions.map((i) => i.ok)).toEqual([true, false]);
      expect(report.pacts[0]!.failures).toEqual([
        {
          interaction: expect.stringContaining("a request for invoice 7"),
          problems: [expect.stringMatching(/missing the following keys: status/)],
        },
      ]);
      expect(formatVerifyReport(report, "markdown")).toContain("| web | 1/2 | ❌ broken |");
    } finally {
      await p.close();
    }
  });

  it("needs the provider states: without handlers the data is not there and the report says which are missing", async () => {
    const p = await provider();
    try {
      const report = await verifyPacts({ dir: hub, service: "billing", providerUrl: p.url });
      expect(report.ok).toBe(false);
      expect(report.pacts[0]!.missingStates.sort()).toEqual(["invoice 7 exists", "no invoices"]);
      expect(formatVerifyReport(report, "text")).toContain(
        'no state handler for: "invoice 7 exists", "no invoices"',
      );
    } finally {
      await p.close();
    }
  });

  it("says what to do when the provider is not running, the states module is wrong or no pact exists", async () => {
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: unknown) => (e instanceof PactError ? e.code : String(e)),
      );
    const p = await provider();
    await p.close();
    expect(await fail(verifyPacts({ dir: hub, service: "billing", providerUrl: p.url }))).toBe(
      "PACT_PROVIDER_UNREACHABLE",
    );
    expect(await fail(verifyPacts({ dir: hub, service: "search", providerUrl: p.url }))).toBe(
      "PACT_NONE_FOUND",
    );
    const bad = join(dir, "bad-states.mjs");
    await writeFile(bad, `export default { "invoice 7 exists": 42 };\n`);
    expect(await fail(loadStateHandlers(bad, { providerUrl: p.url }))).toBe("PACT_STATES_MODULE");
  });
});
