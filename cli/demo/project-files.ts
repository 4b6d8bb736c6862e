const HEALTH = [
  "  /health:",
  "    get:",
  "      responses:",
  '        "200":',
  "          description: The API is up",
  "          content:",
  "            application/json:",
  "              schema: { type: object, properties: { ok: { type: boolean } } }",
];

function openapi(paths: string[]): string {
  return [
    "openapi: 3.1.0",
    "info: { title: payments, version: 1.0.0 }",
    "paths:",
    ...paths,
    "",
  ].join("\n");
}

/** The API's OpenAPI description before the demo's feature. */
export const API_OPENAPI = openapi(HEALTH);

/** …and as the API task leaves it: GET /installment-plans described. */
export const API_OPENAPI_WITH_PLANS = openapi([
  ...HEALTH,
  "  /installment-plans:",
  "    get:",
  "      responses:",
  '        "200":',
  "          description: The installment plans offered",
  "          content:",
  "            application/json:",
  "              schema:",
  "                type: object",
  "                required: [plans]",
  "                properties:",
  "                  plans:",
  "                    type: array",
  "                    items: { type: object, required: [months], properties: { months: { type: integer } } }",
]);

/** The demo's two project repositories: a small HTTP API and a portal that calls it. */
export const API_FILES: Record<string, string> = {
  "openapi.yaml": API_OPENAPI,
  "README.md":
    "# api\n\nThe payments HTTP API (Node, no dependencies).\n\n- `npm test` runs the tests.\n",
  "CLAUDE.md": "Keep the API dependency-free (node:http only). Every route gets a test in test/.\n",
  "package.json":
    JSON.stringify(
      { name: "api", version: "1.0.0", type: "module", scripts: { test: "node --test" } },
      null,
      2,
    ) + "\n",
  "src/routes.js": [
    "/** Route table: method and path → handler returning [status, body]. */",
    "export const routes = {",
    '  "GET /health": () => [200, { ok: true }],',
    "};",
    "",
  ].join("\n"),
  "src/server.js": [
    'import { createServer } from "node:http";',
    'import { routes } from "./routes.js";',
    "",
    "export function handle(method, path) {",
    "  const route = routes[`${method} ${path}`];",
    '  return route ? route() : [404, { error: "not found" }];',
    "}",
    "",
    "if (process.argv[1] === new URL(import.meta.url).pathname) {",
    "  createServer((req, res) => {",
    "    const [status, body] = handle(req.method, req.url);",
    '    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));',
    "  }).listen(process.env.PORT ?? 8080);",
    "}",
    "",
  ].join("\n"),
  "test/health.test.js": [
    'import test from "node:test";',
    'import assert from "node:assert";',
    'import { handle } from "../src/server.js";',
    "",
    'test("health", () => assert.deepEqual(handle("GET", "/health"), [200, { ok: true }]));',
    "",
  ].join("\n"),
};

export const PORTAL_FILES: Record<string, string> = {
  "README.md":
    "# portal\n\nThe customer portal. `src/checkout.js` builds the checkout page from the API.\n",
  "package.json":
    JSON.stringify(
      { name: "portal", version: "1.0.0", type: "module", scripts: { test: "node --test" } },
      null,
      2,
    ) + "\n",
  "src/checkout.js": [
    "/** The checkout page's options, from the API's answers. */",
    "export function checkoutOptions(api) {",
    '  return [{ id: "pay-now", label: "Pay now" }];',
    "}",
    "",
  ].join("\n"),
  "src/admin.js": [
    "/** The admin dashboard's payment rows. */",
    "export function paymentRows(payments) {",
    "  return payments.map((p) => ({ id: p.id, amount: p.amount }));",
    "}",
    "",
  ].join("\n"),
  "test/checkout.test.js": [
    'import test from "node:test";',
    'import assert from "node:assert";',
    'import { checkoutOptions } from "../src/checkout.js";',
    "",
    'test("pay now is offered", () => assert.equal(checkoutOptions({})[0].id, "pay-now"));',
    "",
  ].join("\n"),
};
