import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PactError } from "../../contracts/pact/errors.ts";
import { readPactFile } from "../../contracts/pact/pact-file.ts";
import { publishPact } from "../../contracts/pact/publish.ts";
import { validateRegistry } from "../../contracts/registry/validate.ts";
import { writeWebPact } from "./web-consumer.ts";

const fixtures = join(import.meta.dirname, "fixtures", "billing");
let dir: string;
let pactPath: string;
let hub: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "havun-pact-"));
  pactPath = await writeWebPact(join(dir, "web", "pacts"));
  hub = join(dir, "hub", "contracts");
  await mkdir(join(hub, "billing"), { recursive: true });
  await copyFile(join(fixtures, "contract.yml"), join(hub, "billing", "contract.yml"));
  await copyFile(join(fixtures, "openapi.yaml"), join(hub, "billing", "openapi.yaml"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a consumer's Pact test", () => {
  it("writes pacts/<consumer>-<service>.json with both interactions and their provider states", async () => {
    expect(pactPath).toBe(join(dir, "web", "pacts", "web-billing.json"));
    const pact = await readPactFile(pactPath);
    expect(pact.consumer.name).toBe("web");
    expect(pact.provider.name).toBe("billing");
    const interactions = pact.interactions as {
      description: string;
      providerStates?: { name: string; params?: unknown }[];
    }[];
    expect(interactions.map((i) => [i.description, i.providerStates])).toEqual([
      ["a request for an invoice that does not exist", [{ name: "no invoices" }]],
      ["a request for invoice 7", [{ name: "invoice 7 exists", params: { id: 7 } }]],
    ]);
  });
});

describe("publishing a pact to the hub", () => {
  it("copies it to contracts/<service>/pacts/<consumer>/ where the registry accepts it", async () => {
    const first = await publishPact({ file: pactPath, hubDir: hub, service: "billing" });
    expect(first).toEqual({
      path: join(hub, "billing", "pacts", "web", "web-billing.json"),
      consumer: "web",
      interactions: 2,
      replaced: false,
    });
    expect((await publishPact({ file: pactPath, hubDir: hub, service: "billing" })).replaced).toBe(
      true,
    );
    expect(JSON.parse(await readFile(first.path, "utf8"))).toEqual(
      JSON.parse(await readFile(pactPath, "utf8")),
    );
    expect((await validateRegistry(hub)).issues).toEqual([]);
  });

  it("refuses a pact for another provider, from an undeclared consumer, or not a pact at all", async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "published",
        (e: unknown) => (e instanceof PactError ? `${e.code}: ${e.hint}` : String(e)),
      );
    const other = join(dir, "other.json");
    const pact = JSON.parse(await readFile(pactPath, "utf8"));
    await writeFile(other, JSON.stringify({ ...pact, consumer: { name: "mobile" } }));
    expect(await code(publishPact({ file: other, hubDir: hub, service: "billing" }))).toMatch(
      /^PACT_CONSUMER_UNDECLARED: Add owner\/mobile to consumers/,
    );
    await writeFile(other, JSON.stringify({ ...pact, provider: { name: "search" } }));
    expect(await code(publishPact({ file: other, hubDir: hub, service: "billing" }))).toMatch(
      /^PACT_PROVIDER_MISMATCH: Name the provider after the service/,
    );
    await writeFile(other, JSON.stringify({ consumer: { name: "web" } }));
    expect(await code(publishPact({ file: other, hubDir: hub, service: "billing" }))).toMatch(
      /^PACT_FILE_INVALID/,
    );
    expect(await code(publishPact({ file: pactPath, hubDir: hub, service: "nope" }))).toMatch(
      /^PACT_SERVICE_UNKNOWN/,
    );
    expect(
      await code(publishPact({ file: join(dir, "missing.json"), hubDir: hub, service: "billing" })),
    ).toMatch(/^PACT_FILE_NOT_FOUND: Run the consumer's Pact tests first/);
  });
});
