import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRestClient } from "../../app/gateway/rest-client.ts";
import { appNeeds } from "../../app/install/app-manifest.ts";
import { doctorChecks } from "../../app/install/doctor-checks.ts";
import { readDoctorFacts } from "../../app/install/doctor-read.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";

/** `havun doctor` reads the hub's agent files with its config, as the App does. */
const CONFIG = "version: 1\nprojects: [{ repo: acme/api, description: API }]\n";
const GOOD = "---\nname: builder\ndescription: Builds.\nkinds: [implementation]\n---\nBuild it.\n";
const BAD = "---\nname: tester\ndescription: Tests.\nkinds: [testin]\n---\nTest it.\n";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({
    secondaryRateLimit: 0,
    actions: false,
    seed: {
      users: [{ login: "alice" }],
      orgs: [{ login: "acme", members: { alice: "admin" } }],
      repos: [
        {
          owner: "acme",
          name: "hub",
          files: {
            ".github/havun.yml": CONFIG,
            ".github/havun/agents/builder.md": GOOD,
            ".github/havun/agents/tester.md": BAD,
          },
        },
        { owner: "acme", name: "api", files: { "README.md": "# api\n" } },
      ],
    },
  });
}, 60_000);
afterAll(() => sb?.stop());

describe("havun doctor and the hub's agent files", () => {
  it("fails the hub config check on a bad agent file, naming its file, line and fix", async () => {
    const facts = await readDoctorFacts({
      gh: createRestClient({ token: sb.token("alice"), baseUrl: sb.apiUrl }),
      jwt: null,
      hub: "acme/hub",
      slug: "havuncore",
    });
    expect(facts.config).toMatchObject({
      state: "invalid",
      errors: [{ file: ".github/havun/agents/tester.md", path: "kinds[0]", line: 4 }],
    });
    const check = doctorChecks(facts, {
      apiUrl: sb.apiUrl,
      slug: "havuncore",
      needs: appNeeds(),
      trusted: null,
    }).find((c) => c.id === "hub-config");
    expect(check).toMatchObject({
      status: "fail",
      fix: "edit acme/hub's .github/havun/agents/tester.md: did you mean testing?",
      detail: [
        '.github/havun/agents/tester.md kinds[0] (line 4): cannot be "testin" — did you mean testing?',
      ],
    });
  });
});
