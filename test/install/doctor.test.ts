import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DoctorCheck } from "../../app/install/doctor-check.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import type { AppRecord } from "../../sandbox/state/types.ts";
import { storeActionsSecret } from "../../vault/actions-secret.ts";
import { quiet } from "../sandbox/fixtures.ts";
import { client, havun, seedOrg, vaultFiles } from "./install-world.ts";

let sb: Sandbox;
let dir: string;
let answering: Server;
let failing: Server;
const apps: Record<string, AppRecord> = {};

async function listen(status: number): Promise<Server> {
  const server = createServer((req, res) =>
    req.resume().on("end", () => res.writeHead(status).end()),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return server;
}
const urlOf = (s: Server) =>
  `http://127.0.0.1:${(s.address() as AddressInfo).port}/api/github/webhooks`;

beforeAll(async () => {
  sb = await startSandbox({ actions: false, secondaryRateLimit: 0 });
  dir = await mkdtemp(join(tmpdir(), "havun-doctor-"));
  answering = await listen(200);
  failing = await listen(500);
  // "sel": the App is installed on the hub and the API only; "lite": registered without `checks`.
  apps.sel = await seedOrg(sb, "sel", {
    slug: "havuncore-sel",
    ready: true,
    installed: ["hub", "api"],
  });
  const { default_permissions, default_events } = (await import("yaml")).parse(
    await (await import("node:fs/promises")).readFile("app.yml", "utf8"),
  );
  const { checks: _dropped, ...fewer } = default_permissions;
  apps.lite = await seedOrg(sb, "lite", {
    slug: "havuncore-lite",
    ready: true,
    manifest: { default_permissions: fewer, default_events },
  });
  for (const app of Object.values(apps)) {
    app.webhookUrl = urlOf(answering);
    await writeFile(join(dir, `${app.slug}.pem`), app.privateKeyPem);
  }
});
afterAll(async () => {
  answering.close();
  failing.close();
  await rm(dir, { recursive: true, force: true });
  await sb.stop();
});

/** `havun doctor --json` as wendy; with the App's credentials when `asApp`. */
async function doctor(hub: string, slug: string, asApp: boolean) {
  const app = Object.values(apps).find((a) => a.slug === slug)!;
  const creds = asApp
    ? ["--app-id", String(app.id), "--private-key-path", join(dir, `${slug}.pem`)]
    : [];
  const run = await havun(sb, "wendy", [
    "doctor",
    "--hub",
    hub,
    "--app-slug",
    slug,
    "--json",
    ...creds,
  ]);
  expect(run.stderr).toBe("");
  const out = JSON.parse(run.stdout) as { ok: boolean; problems: number; checks: DoctorCheck[] };
  const find = (id: string, subject: string) =>
    out.checks.find((c) => c.id === id && c.subject === subject);
  return { code: run.code, out, find, failed: out.checks.filter((c) => c.status === "fail") };
}

describe("havun doctor on a world set up by havun init and the person's steps", () => {
  it("passes (exit 0) once the checklist is done, then finds each planted problem with its fix (exit 1)", async () => {
    apps.good = await seedOrg(sb, "good");
    apps.good.webhookUrl = urlOf(answering);
    await writeFile(join(dir, "havuncore.pem"), apps.good.privateKeyPem);
    const vault = await vaultFiles("good/hub", "good/api");
    const gh = client(sb, "wendy");
    const init = await havun(sb, "wendy", [
      "init",
      "--hub",
      "good/hub",
      "--projects",
      "good/api,good/portal",
    ]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("The App is installed on the hub and every project.");
    expect(init.stdout).not.toContain("installations/new");
    // The person's steps, from the checklist: merge, secrets, variables, the ruleset it printed.
    for (const repo of ["api", "portal"])
      await gh.pulls.merge({ owner: "good", repo, pull_number: 1 });
    for (const [path, text] of Object.entries(vault.files))
      await gh.repos.createOrUpdateFileContents({
        owner: "good",
        repo: "hub",
        path,
        message: "seal",
        content: Buffer.from(text).toString("base64"),
      });
    const ruleset = JSON.parse(
      /<<'JSON'\n([\s\S]*?)\n\s*JSON\n/.exec(init.stdout)![1]!.replace(/^ {7}/gm, ""),
    );
    for (const repo of ["api", "portal"]) {
      await storeActionsSecret({
        repo: `good/${repo}`,
        token: sb.token("wendy"),
        apiUrl: sb.apiUrl,
        name: "ANTHROPIC_API_KEY",
        value: "sk-ant-test",
      });
      await gh.request("POST /repos/{owner}/{repo}/actions/variables", {
        owner: "good",
        repo,
        name: "HAVUN_APP_URL",
        value: "https://havun.example",
      });
      await gh.request("POST /repos/{owner}/{repo}/rulesets", { owner: "good", repo, ...ruleset });
    }
    // A sealed secret for good/api needs its vault key.
    const missingKey = await doctor("good/hub", "havuncore", true);
    expect(missingKey.code).toBe(1);
    expect(missingKey.failed.map((c) => [c.id, c.subject])).toEqual([
      ["secret-vault-key", "good/api"],
    ]);
    expect(missingKey.failed[0]!.title).toContain("PAYMENT_API_KEY");
    await storeActionsSecret({
      repo: "good/api",
      token: sb.token("wendy"),
      apiUrl: sb.apiUrl,
      name: "HAVUN_VAULT_KEY",
      value: vault.privateKey,
    });
    await gh.issues.create({ owner: "good", repo: "hub", title: "a delivery" });
    await sb.webhooks.idle();

    const well = await doctor("good/hub", "havuncore", true);
    expect(well.failed).toEqual([]);
    expect(well.code).toBe(0);
    expect(well.out.checks.filter((c) => c.status === "skip")).toEqual([]);
    expect(well.find("webhook-deliveries", "App havuncore")?.title).toMatch(/succeeded/);
    expect(well.find("gate-required", "good/api")?.title).toContain(
      "requires havun/gate from the App",
    );
    // As the person alone: what only the App can see is skipped with how to check it.
    const person = await doctor("good/hub", "havuncore", false);
    expect(person.code).toBe(0);
    expect(person.find("webhook-deliveries", "App havuncore")).toMatchObject({
      status: "skip",
      fix: expect.stringContaining("--private-key-path"),
    });
    expect(person.find("app-installed", "good/portal")?.status).toBe("ok");
    // The text form is a checklist.
    const text = await havun(sb, "wendy", ["doctor", "--hub", "good/hub"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/✓ \.github\/havun\.yml is valid \(2 project\(s\)\)/);
    expect(text.stdout).toMatch(/All \d+ checks passed \(1 could not be made\)\./);

    // Planted: the model key of good/portal deleted.
    await gh.actions.deleteRepoSecret({
      owner: "good",
      repo: "portal",
      secret_name: "ANTHROPIC_API_KEY",
    });
    const noKey = await doctor("good/hub", "havuncore", true);
    expect(noKey.code).toBe(1);
    expect(noKey.failed).toEqual([
      expect.objectContaining({
        id: "secret-model-key",
        subject: "good/portal",
        fix: `GH_HOST=${new URL(sb.serverUrl).host} gh secret set ANTHROPIC_API_KEY --repo good/portal`,
      }),
    ]);
    const textNoKey = await havun(sb, "wendy", ["doctor", "--hub", "good/hub"]);
    expect(textNoKey.code).toBe(1);
    expect(textNoKey.stdout).toMatch(
      /✗ secret ANTHROPIC_API_KEY is missing\n\s+fix: .*gh secret set ANTHROPIC_API_KEY --repo good\/portal/,
    );
    await storeActionsSecret({
      repo: "good/portal",
      token: sb.token("wendy"),
      apiUrl: sb.apiUrl,
      name: "ANTHROPIC_API_KEY",
      value: "sk-ant-test",
    });

    // Planted: nothing requires havun/gate on good/portal.
    const [rs] = (
      await gh.request("GET /repos/{owner}/{repo}/rulesets", { owner: "good", repo: "portal" })
    ).data;
    await gh.request("DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}", {
      owner: "good",
      repo: "portal",
      ruleset_id: rs!.id,
    });
    const noGate = await doctor("good/hub", "havuncore", true);
    expect(noGate.code).toBe(1);
    expect(noGate.failed).toEqual([
      expect.objectContaining({
        id: "gate-required",
        subject: "good/portal",
        fix: expect.stringContaining(
          "gh api -X POST repos/good/portal/rulesets --input havun-gate-ruleset.json",
        ),
      }),
    ]);
    // … or a requirement any App can satisfy.
    await gh.request("POST /repos/{owner}/{repo}/rulesets", {
      owner: "good",
      repo: "portal",
      ...ruleset,
      rules: [
        {
          type: "required_status_checks",
          parameters: {
            strict_required_status_checks_policy: false,
            required_status_checks: [{ context: "havun/gate" }],
          },
        },
      ],
    });
    const anyApp = await doctor("good/hub", "havuncore", true);
    expect(anyApp.find("gate-required", "good/portal")).toMatchObject({
      status: "fail",
      title: expect.stringContaining("from any App"),
    });

    // Planted: the App's webhook deliveries fail.
    apps.good.webhookUrl = urlOf(failing);
    await gh.issues.create({ owner: "good", repo: "hub", title: "lost" });
    await sb.webhooks.idle();
    const deliveries = await doctor("good/hub", "havuncore", true);
    expect(deliveries.find("webhook-deliveries", "App havuncore")).toMatchObject({
      status: "fail",
      detail: [expect.stringMatching(/^latest: issues\.opened at .*: Invalid HTTP Response: 500$/)],
      fix: expect.stringContaining("/settings/apps/havuncore/advanced"),
    });
    // Fixed: the server answers again and the failed delivery is redelivered (the latest attempt counts).
    apps.good.webhookUrl = urlOf(answering);
    const asApp = new Octokit({
      baseUrl: sb.apiUrl,
      authStrategy: createAppAuth,
      auth: { appId: apps.good.id, privateKey: apps.good.privateKeyPem },
      log: quiet,
    });
    for (const d of (await asApp.apps.listWebhookDeliveries({ status: "failure" })).data)
      await asApp.apps.redeliverWebhookDelivery({ delivery_id: d.id });
    await sb.webhooks.idle();
    expect(
      (await doctor("good/hub", "havuncore", true)).find("webhook-deliveries", "App havuncore")
        ?.status,
    ).toBe("ok");
    expect(well.find("caller-workflow", "good/api")?.title).toContain(
      "calls havun/havuncore@v1 for hub good/hub, release v1 (supported)",
    );
  }, 240_000);
});

describe("havun doctor finds a planted problem", () => {
  it("the App not installed on a project: found as the App; as a person it says what it cannot tell", async () => {
    const asApp = await doctor("sel/hub", "havuncore-sel", true);
    expect(asApp.code).toBe(1);
    expect(asApp.failed).toEqual([
      expect.objectContaining({
        id: "app-installed",
        subject: "sel/portal",
        fix: `install it there: ${sb.serverUrl}/apps/havuncore-sel/installations/new`,
      }),
    ]);
    const person = await doctor("sel/hub", "havuncore-sel", false);
    expect(person.find("app-installed", "sel/portal")).toMatchObject({
      status: "skip",
      fix: expect.stringContaining("covers selected repositories"),
    });
  });

  it("an App registered with fewer permissions than app.yml", async () => {
    for (const asApp of [true, false]) {
      const r = await doctor("lite/hub", "havuncore-lite", asApp);
      expect(r.code).toBe(1);
      expect(r.failed.map((c) => c.id)).toEqual(["app-registration", "installation-permissions"]);
      expect(r.failed[0]).toMatchObject({
        detail: ["missing: checks: write (not granted)"],
        fix: `set them to app.yml's at ${sb.serverUrl}/organizations/lite/settings/apps/havuncore-lite/permissions`,
      });
      expect(r.failed[1]!.fix).toContain("then accept the new permissions at");
    }
  });

  it("an invalid hub config, with the config's own messages; bad usage exits 2", async () => {
    const gh = client(sb, "wendy");
    const current = await gh.repos.getContent({
      owner: "lite",
      repo: "hub",
      path: ".github/havun.yml",
    });
    await gh.repos.createOrUpdateFileContents({
      owner: "lite",
      repo: "hub",
      path: ".github/havun.yml",
      message: "break it",
      sha: (current.data as { sha: string }).sha,
      content: Buffer.from(
        "version: 1\nprojects:\n  - repo: lite/api\n    descripton: typo\n",
      ).toString("base64"),
    });
    const r = await doctor("lite/hub", "havuncore-lite", false);
    expect(r.code).toBe(1);
    expect(r.find("hub-config", "lite/hub")).toMatchObject({
      status: "fail",
      detail: expect.arrayContaining([expect.stringContaining("description")]),
    });
    const usage = await havun(sb, "wendy", ["doctor"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--hub");
  });
  it("a caller at a HavunCore release the App does not support, with the tag to use", async () => {
    const gh = client(sb, "wendy");
    const path = ".github/workflows/havun-agent.yml";
    const file = (await gh.repos.getContent({ owner: "sel", repo: "api", path })).data as {
      sha: string;
      content: string;
    };
    const old = Buffer.from(file.content, "base64").toString().replaceAll("@main", "@v0.9.0");
    await gh.repos.createOrUpdateFileContents({
      owner: "sel",
      repo: "api",
      path,
      message: "old caller",
      sha: file.sha,
      content: Buffer.from(old).toString("base64"),
    });
    const r = await doctor("sel/hub", "havuncore-sel", true);
    expect(r.code).toBe(1);
    expect(r.find("caller-workflow", "sel/api")).toMatchObject({
      status: "fail",
      detail: expect.arrayContaining([
        expect.stringMatching(
          /^job agent: @v0\.9\.0 is HavunCore v0, which this App does not support .*@v1$/,
        ),
      ]),
    });
  });
});
