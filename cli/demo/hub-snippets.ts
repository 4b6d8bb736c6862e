/**
 * The demo hub's snippet library (`snippets/` in havun/hub): three real snippets in the format
 * of snippets/README.md. The API task attaches payments/installment-plans; its agent's prompt
 * carries that code.
 */
export const HUB_SNIPPETS: Record<string, string> = {
  "snippets/README.md":
    "# Snippets\n\nReusable code for havun's projects (`havun snippets list --dir snippets`).\n",
  "snippets/payments/installment-plans.js": `// ---
// title: Installment plans
// description: The installment plans a payment can be split into, with each month's amount in cents; the rounding remainder goes to the first month.
// tags: [installments, payments, money]
// usage: Copy into the API (src/installments.js) and answer GET /installment-plans with installmentPlans(totalCents).
// ---
export const PLAN_MONTHS = [3, 6];

export function installmentPlans(totalCents, months = PLAN_MONTHS) {
  return months.map((n) => {
    const monthly = Math.floor(totalCents / n);
    return { months: n, monthlyCents: monthly, firstMonthCents: monthly + (totalCents - monthly * n) };
  });
}
`,
  "snippets/http/node-route-test.js": `// ---
// title: Test a node:http route
// description: A node:test test that calls the API's handle(method, path) and checks the status and JSON body.
// tags: [testing, http, node]
// usage: Copy into test/<route>.test.js and change the route and the expected body; npm test runs it.
// ---
import test from "node:test";
import assert from "node:assert";
import { handle } from "../src/server.js";

test("GET /health answers ok", () => {
  const [status, body] = handle("GET", "/health");
  assert.equal(status, 200);
  assert.deepEqual(body, { ok: true });
});
`,
  "snippets/http/retry-fetch.js": `// ---
// title: Fetch with retries
// description: Retries a failed HTTP call (network errors, 429 and 5xx) with exponential backoff, for a portal page that calls the API.
// tags: [http, retry, fetch]
// usage: Use fetchWithRetry(url) instead of fetch(url) where the portal calls the API.
// ---
export async function fetchWithRetry(url, init = {}, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, init);
      if (res.status !== 429 && res.status < 500) return res;
      if (attempt >= attempts) return res;
    } catch (err) {
      if (attempt >= attempts) throw err;
    }
    await new Promise((r) => setTimeout(r, 2 ** attempt * 100));
  }
}
`,
};
