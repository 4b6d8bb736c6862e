import { join } from "node:path";
import { MatchersV3 } from "@pact-foundation/pact";
import { expect } from "vitest";
import { consumerPact, pactFileName } from "../../contracts/pact/consumer.ts";

/** The consumer's real client code: what acme/web calls the billing API with. */
export async function fetchInvoice(
  baseUrl: string,
  id: number,
): Promise<{ id: number; total: number; status: string } | null> {
  const res = await fetch(`${baseUrl}/invoices/${id}`, { headers: { accept: "application/json" } });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`billing answered ${res.status}`);
  return (await res.json()) as { id: number; total: number; status: string };
}

/**
 * acme/web's Pact consumer test, as it would be in that repository: two interactions, each
 * with a provider state, run against Pact's mock server. Writes `<dir>/web-billing.json`.
 */
export async function writeWebPact(dir: string): Promise<string> {
  const pact = consumerPact({ consumer: "acme/web", service: "billing", dir });
  await pact
    .addInteraction()
    .given("invoice 7 exists", { id: 7 })
    .uponReceiving("a request for invoice 7")
    .withRequest("GET", "/invoices/7", (b) => b.headers({ accept: "application/json" }))
    .willRespondWith(200, (b) =>
      b.jsonBody({
        id: MatchersV3.integer(7),
        total: MatchersV3.decimal(12.5),
        status: MatchersV3.regex("open|paid", "open"),
      }),
    )
    .executeTest(async (mock) => {
      expect(await fetchInvoice(mock.url, 7)).toEqual({ id: 7, total: 12.5, status: "open" });
    });
  await pact
    .addInteraction()
    .given("no invoices")
    .uponReceiving("a request for an invoice that does not exist")
    .withRequest("GET", "/invoices/8", (b) => b.headers({ accept: "application/json" }))
    .willRespondWith(404)
    .executeTest(async (mock) => {
      expect(await fetchInvoice(mock.url, 8)).toBeNull();
    });
  return join(dir, pactFileName("acme/web", "billing"));
}
