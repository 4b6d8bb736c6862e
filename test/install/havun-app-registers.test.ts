import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../app/setup/env-file.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { quiet } from "../sandbox/fixtures.ts";
import { closedPort, killAll, startHavunApp, waitForStatus } from "./havun-app-process.ts";
import { browserFor, codeOf } from "./web-step.ts";

let sb: Sandbox;
let dir: string;
beforeAll(async () => {
  sb = await startSandbox({
    secondaryRateLimit: 0,
    actions: false,
    seed: {
      users: [{ login: "alice" }],
      orgs: [{ login: "acme", members: { alice: "admin" } }],
      repos: [{ owner: "acme", name: "hub", files: { "README.md": "# hub\n" } }],
    },
  });
  dir = mkdtempSync(join(tmpdir(), "havun-register-"));
});
afterAll(async () => {
  killAll();
  await sb.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The hidden manifest field and the form's action on the local page. */
function formOf(html: string): { action: string; manifest: Record<string, any> } {
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const value = /name="manifest" value="([^"]*)"/.exec(html)?.[1];
  if (!action || value === undefined) throw new Error(`no manifest form in:\n${html}`);
  return { action: unescape(action), manifest: JSON.parse(unescape(value)) };
}

describe("havun app without an APP_ID: registration from app.yml", () => {
  it("registers through GitHub's manifest flow, writes .env (0600), then serves with the new App", async () => {
    writeFileSync(join(dir, ".env"), "# kept\nFOO=bar\n");
    const app = startHavunApp(
      ["--api-url", sb.apiUrl, "--port", "0", "--org", "acme", "--name", "HavunCore Test"],
      {
        cwd: dir,
        env: {
          HOST: "127.0.0.1",
          LOG_FORMAT: "json",
          ANTHROPIC_API_KEY: "sk-ant-test",
          ANTHROPIC_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
        },
      },
    );
    const [, local] = await app.line(/open (http:\/\/127\.0\.0\.1:\d+) to register the App/);
    expect((await fetch(`${local}/healthz`)).status).toBe(503);

    // The browser: the local page posts the manifest to GitHub's "new App" page.
    const { action, manifest } = formOf(await (await fetch(`${local}/`)).text());
    const appYml = parseYaml(readFileSync("app.yml", "utf8"));
    expect(action).toMatch(
      new RegExp(`^${sb.serverUrl}/organizations/acme/settings/apps/new\\?state=[0-9a-f]{32}$`),
    );
    expect(manifest).toMatchObject({
      name: "HavunCore Test",
      public: false,
      hook_attributes: { url: `${local}/api/github/webhooks`, active: true },
      redirect_url: `${local}/setup/callback`,
      default_permissions: appYml.default_permissions,
      default_events: appYml.default_events,
    });
    const alice = browserFor(sb, "alice");
    const created = codeOf(await alice.post(action, { manifest: JSON.stringify(manifest) }));
    expect(`${created.url.origin}${created.url.pathname}`).toBe(`${local}/setup/callback`);

    // A callback whose state is not the one sent is refused; the code stays good.
    const forged = new URL(created.url);
    forged.searchParams.set("state", "not-the-state");
    expect((await fetch(forged, { redirect: "manual" })).status).toBe(400);
    const back = await fetch(created.url, { redirect: "manual" });
    expect(back.status).toBe(302);
    const registered = sb.core.store.state.apps.find((a) => a.slug === "havuncore-test")!;
    expect(back.headers.get("location")).toBe(
      `${sb.serverUrl}/apps/havuncore-test/installations/new`,
    );
    await app.line(/App havuncore-test \(id \d+\) registered for acme; wrote .*\.env/);

    // .env: owner-only, the App's credentials, the earlier lines kept.
    const envFile = join(dir, ".env");
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    const text = readFileSync(envFile, "utf8");
    expect(text.startsWith("# kept\nFOO=bar\n")).toBe(true);
    const env = parseEnv(text);
    expect(env.get("APP_ID")).toBe(String(registered.id));
    expect(env.get("APP_SLUG")).toBe("havuncore-test");
    // One line, newlines escaped, unquoted: dotenv, Probot and `docker run --env-file` read it.
    expect(text).toMatch(
      /^PRIVATE_KEY=-----BEGIN RSA PRIVATE KEY-----\\n\S+\\n-----END RSA PRIVATE KEY-----\\n$/m,
    );
    expect(env.get("PRIVATE_KEY")!.replace(/\\n/g, "\n")).toBe(registered.privateKeyPem);
    expect(env.get("WEBHOOK_SECRET")).toBe(registered.webhookSecret);
    expect(env.get("GITHUB_CLIENT_ID")).toBe(registered.clientId);
    expect(env.get("GITHUB_CLIENT_SECRET")).toMatch(/^[0-9a-f]{40}$/);
    expect(env.get("GITHUB_API_URL")).toBe(sb.apiUrl);

    // The same port now serves the App: ready once GitHub accepts its JWT.
    const health = await waitForStatus(`${local}/healthz`, (s) => s === 200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    expect((await alice.install("havuncore-test", "acme")).status).toBe(302);

    // GitHub's webhooks, signed with the new secret, are accepted.
    await new Octokit({ baseUrl: sb.apiUrl, auth: alice.token, log: quiet }).issues.create({
      owner: "acme",
      repo: "hub",
      title: "hello",
    });
    await sb.webhooks.idle();
    const deliveries = sb.core.store.state.deliveries.filter((d) => d.appId === registered.id);
    expect(deliveries.map((d) => [d.event, d.url, d.statusCode])).toEqual([
      ["issues", `${local}/api/github/webhooks`, 200],
    ]);
    const hook = (secret: string) => {
      const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
      return fetch(`${local}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "ping",
          "x-github-delivery": "d-1",
          "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
        },
        body,
      });
    };
    expect((await hook(registered.webhookSecret)).status).toBe(200);
    const refused = await hook("another-secret");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("signature does not match");

    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
  });

  it("serves from .env the next time, without registering again", async () => {
    const app = startHavunApp(["--port", "0"], {
      cwd: dir,
      env: { HOST: "127.0.0.1", LOG_FORMAT: "json", ANTHROPIC_API_KEY: "sk-ant-test" },
    });
    const [, webhooks] = await app.line(/HavunCore App listening: (\S+)/);
    expect(app.stderr.join("\n")).toMatch(/read .*APP_ID.* from .*\.env/);
    const res = await waitForStatus(
      webhooks!.replace("/api/github/webhooks", "/healthz"),
      (s) => s === 200,
    );
    expect(res.status).toBe(200);
    app.child.kill("SIGINT");
    expect(await app.exited).toBe(0);
  });
});
