import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../index.ts";
import { acmeSandbox, octokitFor, quiet } from "../../../test/sandbox/fixtures.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await acmeSandbox({ actions: false });
});
afterAll(() => sb.stop());

describe("what a person's token reads about an organization's setup", () => {
  it("GET /orgs/{org}/installations: the owner sees the App's installation, its permissions and events", async () => {
    const alice = octokitFor(sb, sb.token("alice"));
    const list = await alice.orgs.listAppInstallations({ org: "acme" });
    expect(list.data.total_count).toBe(1);
    expect(list.data.installations[0]).toMatchObject({
      app_slug: "havuncore",
      app_id: sb.seeded.apps.havuncore!.app.id,
      repository_selection: "all",
      permissions: expect.objectContaining({ checks: "write", issues: "write" }),
      events: expect.arrayContaining(["issues", "check_run"]),
    });
    // "The authenticated user must be an organization owner to use this endpoint."
    await expect(
      octokitFor(sb, sb.token("bob")).orgs.listAppInstallations({ org: "acme" }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("GET /apps/{slug}: a private App's registration is visible to its owner's members only", async () => {
    const app = await octokitFor(sb, sb.token("bob")).apps.getBySlug({ app_slug: "havuncore" });
    expect(app.data).toMatchObject({
      id: sb.seeded.apps.havuncore!.app.id,
      permissions: expect.objectContaining({ pull_requests: "write" }),
    });
    await expect(
      octokitFor(sb, sb.token("carol")).apps.getBySlug({ app_slug: "havuncore" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("a repository's organization secrets and variables list (none at organization level here)", async () => {
    const alice = octokitFor(sb, sb.token("alice"));
    const secrets = await alice.actions.listRepoOrganizationSecrets({ owner: "acme", repo: "api" });
    expect(secrets.data).toEqual({ total_count: 0, secrets: [] });
    const vars = await alice.actions.listRepoOrganizationVariables({ owner: "acme", repo: "api" });
    expect(vars.data).toEqual({ total_count: 0, variables: [] });
  });

  it("GET /app/hook/deliveries?status=failure: status codes 400–599 only", async () => {
    const failing = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((r) => failing.listen(0, "127.0.0.1", () => r()));
    const app = sb.seeded.apps.havuncore!.app;
    app.webhookUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/`;
    try {
      await octokitFor(sb, sb.token("alice")).issues.create({
        owner: "acme",
        repo: "api",
        title: "x",
      });
      await sb.webhooks.idle();
      const jwt = new Octokit({
        baseUrl: sb.apiUrl,
        authStrategy: createAppAuth,
        auth: { appId: app.id, privateKey: app.privateKeyPem },
        log: quiet,
      });
      const failed = await jwt.apps.listWebhookDeliveries({ status: "failure" });
      expect(failed.data.length).toBeGreaterThan(0);
      expect(failed.data.every((d) => d.status_code >= 400 && d.status_code <= 599)).toBe(true);
      expect((await jwt.apps.listWebhookDeliveries({ status: "success" })).data).toEqual([]);
    } finally {
      failing.close();
    }
  });
});
