import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit as CoreOctokit } from "@octokit/core";
import { Octokit } from "@octokit/rest";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { quiet } from "../sandbox/fixtures.ts";
import { browserFor, codeOf } from "./web-step.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({
    secondaryRateLimit: 0,
    actions: false,
    seed: {
      users: [{ login: "alice" }, { login: "bob" }],
      orgs: [{ login: "acme", members: { alice: "admin", bob: "member" } }],
      repos: [
        { owner: "acme", name: "hub", files: { "README.md": "# hub\n" } },
        { owner: "acme", name: "api", files: { "README.md": "# api\n" } },
      ],
    },
  });
});
afterAll(() => sb.stop());
afterEach(() => vi.useRealTimers());

let n = 0;
function manifest(extra: Record<string, unknown> = {}) {
  n++;
  return {
    name: `Flow Test ${n}`,
    url: "https://example.com/flow",
    hook_attributes: { url: "http://127.0.0.1:9/hook" },
    redirect_url: "http://127.0.0.1:9/setup/callback",
    public: false,
    default_permissions: { issues: "write" },
    default_events: ["issues"],
    ...extra,
  };
}

/** The conversion, unauthenticated as GitHub documents it. */
function convert(code: string) {
  return new CoreOctokit({ baseUrl: sb.apiUrl, log: quiet }).request(
    "POST /app-manifests/{code}/conversions",
    { code },
  );
}

const text = (res: Response) => res.text();

describe("the manifest flow's web step (POST /settings/apps/new)", () => {
  it("creates the App for the signed-in user and sends the browser back with a code and the state", async () => {
    const res = await browserFor(sb, "alice").newApp(manifest(), { state: "s-123" });
    const { code, state, url } = codeOf(res);
    expect(`${url.origin}${url.pathname}`).toBe("http://127.0.0.1:9/setup/callback");
    expect(state).toBe("s-123");
    expect(code).toMatch(/^[0-9a-f]{40}$/);
    const { status, data } = await convert(code);
    expect(status).toBe(201);
    expect(data.name).toBe(`Flow Test ${n}`);
    expect(data.slug).toBe(`flow-test-${n}`);
    expect(data.owner && "login" in data.owner ? data.owner.login : null).toBe("alice");
    expect(data.pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(data.webhook_secret).toMatch(/^[0-9a-f]{40}$/);
    expect(data.client_id).toBeTruthy();
    expect(data.client_secret).toBeTruthy();
    expect(data.permissions).toEqual({ metadata: "read", issues: "write" });
    expect(data.events).toEqual(["issues"]);
    expect(sb.core.store.state.apps.find((a) => a.id === data.id)?.webhookUrl).toBe(
      "http://127.0.0.1:9/hook",
    );
  });

  it("takes a code once (GitHub: the code is temporary and single-use)", async () => {
    const { code } = codeOf(await browserFor(sb, "alice").newApp(manifest()));
    await convert(code);
    await expect(convert(code)).rejects.toMatchObject({ status: 404 });
    await expect(convert("0".repeat(40))).rejects.toMatchObject({ status: 404 });
  });

  it("lets a code expire after an hour", async () => {
    const { code } = codeOf(await browserFor(sb, "alice").newApp(manifest()));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3600_000 + 1000);
    await expect(convert(code)).rejects.toMatchObject({ status: 404 });
  });

  it("registers for an organization only when the user owns it (admin)", async () => {
    const denied = await browserFor(sb, "bob").newApp(manifest(), { org: "acme" });
    expect(denied.status).toBe(403);
    expect(await text(denied)).toContain("only organization owners can register");
    const { code } = codeOf(await browserFor(sb, "alice").newApp(manifest(), { org: "acme" }));
    const { data } = await convert(code);
    expect(data.owner && "login" in data.owner ? data.owner.login : null).toBe("acme");
  });

  it("needs a signed-in user and says how the sandbox signs in", async () => {
    const before = sb.core.store.state.apps.length;
    const res = await fetch(`${sb.serverUrl}/settings/apps/new`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ manifest: JSON.stringify(manifest()) }).toString(),
    });
    expect(res.status).toBe(401);
    expect(await text(res)).toContain("user_session=TOKEN");
    expect(sb.core.store.state.apps.length).toBe(before);
  });

  it("refuses unknown permissions, unknown events and missing URLs with a page naming each", async () => {
    const before = sb.core.store.state.apps.length;
    const res = await browserFor(sb, "alice").newApp(
      manifest({
        url: undefined,
        default_permissions: { issues: "write", telepathy: "read", checks: "admin" },
        default_events: ["issues", "mind_read"],
      }),
    );
    expect(res.status).toBe(422);
    const page = await text(res);
    expect(page).toContain("unknown permission &#34;telepathy&#34;");
    expect(page).toContain("default_permissions.checks: &#34;admin&#34; is not one of read, write");
    expect(page).toContain("unknown event &#34;mind_read&#34;");
    expect(page).toContain("url: required");
    expect(sb.core.store.state.apps.length).toBe(before);
  });

  it("refuses a name that is taken", async () => {
    const m = manifest();
    codeOf(await browserFor(sb, "alice").newApp(m));
    const again = await browserFor(sb, "alice").newApp(m);
    expect(again.status).toBe(422);
    expect(await text(again)).toContain("has already been taken");
  });

  it("takes the manifest only by POST", async () => {
    const res = await fetch(`${sb.serverUrl}/settings/apps/new`, {
      headers: { authorization: `token ${sb.token("alice")}` },
    });
    expect(res.status).toBe(405);
  });
});

describe("installing the new App (/apps/{slug}/installations/new)", () => {
  it("installs on the organization; tokens carry only the manifest's permissions and webhooks go to its hook URL", async () => {
    const received: { event: string; body: string; signature: string }[] = [];
    const hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({
          event: String(req.headers["x-github-event"]),
          body: Buffer.concat(chunks).toString(),
          signature: String(req.headers["x-hub-signature-256"]),
        });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    try {
      const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      const alice = browserFor(sb, "alice");
      const { code } = codeOf(
        await alice.newApp(manifest({ hook_attributes: { url: hookUrl } }), { org: "acme" }),
      );
      const { data: app } = await convert(code);
      expect((await alice.install(app.slug!, "acme")).status).toBe(302);

      const appOctokit = new Octokit({
        baseUrl: sb.apiUrl,
        log: quiet,
        authStrategy: createAppAuth,
        auth: { appId: app.id, privateKey: app.pem },
      });
      const inst = await appOctokit.apps.getOrgInstallation({ org: "acme" });
      expect(inst.data.permissions).toEqual({ metadata: "read", issues: "write" });
      const token = await appOctokit.apps.createInstallationAccessToken({
        installation_id: inst.data.id,
      });
      const asApp = new Octokit({ baseUrl: sb.apiUrl, auth: token.data.token, log: quiet });
      await asApp.issues.create({ owner: "acme", repo: "api", title: "made by the new App" });
      await expect(
        asApp.repos.createOrUpdateFileContents({
          owner: "acme",
          repo: "api",
          path: "x.txt",
          message: "x",
          content: Buffer.from("x").toString("base64"),
        }),
      ).rejects.toMatchObject({ status: 403 });

      await new Octokit({ baseUrl: sb.apiUrl, auth: alice.token, log: quiet }).issues.create({
        owner: "acme",
        repo: "hub",
        title: "hello",
      });
      await sb.webhooks.idle();
      const issues = received.filter((r) => r.event === "issues");
      expect(issues.length).toBe(2);
      for (const r of issues) {
        const expected = createHmac("sha256", app.webhook_secret!).update(r.body).digest("hex");
        expect(r.signature).toBe(`sha256=${expected}`);
      }
    } finally {
      hook.close();
    }
  });

  it("installs a private App only on the account that owns it", async () => {
    const alice = browserFor(sb, "alice");
    const { code } = codeOf(await alice.newApp(manifest()));
    const { data: app } = await convert(code);
    const res = await alice.install(app.slug!, "acme");
    expect(res.status).toBe(422);
    expect(await text(res)).toContain("target must be one of: alice");
    const bob = await browserFor(sb, "bob").install(app.slug!, "bob");
    expect(bob.status).toBe(404);
    expect(await text(bob)).toContain("private App");
  });
});
