import { describe, expect, it } from "vitest";
import { petStore, tempDir } from "../openapi/test/fixtures.ts";
import { validateRegistry } from "./validate.ts";

const good = {
  "billing/contract.yml": {
    provider: "acme/billing-api",
    consumers: ["acme/web", { repo: "acme/mobile" }],
  },
  "billing/openapi.yaml": petStore(1),
  "billing/pacts/web/web-billing.json": {
    consumer: { name: "web" },
    provider: { name: "billing" },
  },
  "README.md": "# contracts\n",
};

describe("contract registry", () => {
  it("accepts a well-formed registry", async () => {
    const dir = tempDir(good);
    const report = await validateRegistry(dir);
    expect(report.issues).toEqual([]);
    expect(report.services.map((s) => [s.name, s.contract.provider])).toEqual([
      ["billing", "acme/billing-api"],
    ]);
  });

  it("reports each problem with its file and a fix", async () => {
    const dir = tempDir({
      ...good,
      "Bad_Name/contract.yml": { provider: "acme/x" },
      "Bad_Name/openapi.yaml": petStore(1),
      "no-contract/openapi.yaml": petStore(1),
      "wrong/contract.yml": { provider: "not a repo", consumers: ["acme/a", "acme/a"], extra: 1 },
      "dupes/contract.yml": { provider: "acme/p", consumers: ["acme/a", "acme/a", "acme/p"] },
      "dupes/openapi.json": { swagger: "2.0" },
      "strays/contract.yml": { provider: "acme/p", consumers: ["acme/web"] },
      "strays/openapi.yml": petStore(2),
      "strays/pacts/mobile/m.json": "{}",
      "strays/pacts/web/notes.txt": "hi",
      "strays/pacts/web/broken.json": "{",
      "no-api/contract.yml": "provider: acme/p\n",
    });
    const report = await validateRegistry(dir);
    const rel = report.issues.map((i) => [i.path.slice(dir.length + 1), i.message]);
    expect(rel).toEqual([
      ["Bad_Name", 'service folder "Bad_Name" is not kebab-case'],
      ["dupes/contract.yml", "consumer acme/a is listed twice"],
      ["dupes/contract.yml", "acme/p is both provider and consumer"],
      ["dupes/openapi.json", expect.stringContaining("is Swagger 2.0, not OpenAPI 3.x")],
      ["no-api/openapi.yaml", "missing"],
      ["no-contract/contract.yml", "missing"],
      [
        "strays/pacts/mobile",
        expect.stringContaining('pacts for "mobile", which is not a consumer'),
      ],
      ["strays/pacts/web/broken.json", expect.stringContaining("not valid JSON")],
      ["strays/pacts/web/notes.txt", "not a Pact file (.json)"],
      [
        "wrong/contract.yml",
        expect.stringContaining("provider: must be a repository as owner/name"),
      ],
      ["wrong/contract.yml", expect.stringContaining("(top level): Unrecognized key")],
    ]);
    for (const i of report.issues) expect(i.fix.length).toBeGreaterThan(5);
    expect(report.issues.find((i) => i.path.endsWith("no-contract/contract.yml"))?.fix).toContain(
      "provider: owner/name",
    );
  });
});
