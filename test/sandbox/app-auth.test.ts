import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { Webhooks } from "@octokit/webhooks";
import { RequestError } from "@octokit/request-error";
import type { Sandbox } from "../../sandbox/index.ts";
import { acmeSandbox, octokitFor } from "./fixtures.ts";

let sb: Sandbox;
let receiver: Server;
const received: { event: string; action: string; verified: boolean; delivery: string }[] = [];

beforeAll(async () => {
  sb = await acmeSandbox();
  const app = sb.seeded.apps.havuncore!.app;
  const verifier = new Webhooks({ secret: app.webhookSecret });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString();
      const verified = await verifier.verify(body, String(req.headers["x-hub-signature-256"]));
      received.push({
        event: String(req.headers["x-github-event"]),
        action: JSON.parse(body).action,
        verified,
        delivery: String(req.headers["x-github-delivery"]),
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  app.webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await sb.stop();
  receiver.close();
});

function appOctokit(): Octokit {
  const app = sb.seeded.apps.havuncore!.app;
  return new Octokit({
    baseUrl: sb.apiUrl,
    authStrategy: createAppAuth,
    auth: { appId: app.id, privateKey: app.privateKeyPem },
    request: { retries: 0 },
  });
}

describe("GitHub App authentication", () => {
  it("exchanges a JWT for an installation token limited by app.yml's permissions", async () => {
    const jwtClient = appOctokit();
    const me = await jwtClient.apps.getAuthenticated();
    expect(me.data?.slug).toBe("havuncore");
    const inst = await jwtClient.apps.getRepoInstallation({ owner: "acme", repo: "api" });
    expect(inst.data.permissions.issues).toBe("write");
    const token = await jwtClient.apps.createInstallationAccessToken({
      installation_id: inst.data.id,
    });
    expect(token.data.token).toMatch(/^ghs_/);
    const bot = octokitFor(sb, token.data.token);
    const issue = await bot.issues.create({ owner: "acme", repo: "api", title: "from the App" });
    expect(issue.data.user?.login).toBe("havuncore[bot]");
    expect(issue.data.performed_via_github_app?.slug).toBe("havuncore");
    // app.yml grants no `secrets` permission, so reading the Actions secrets key is refused as GitHub refuses it.
    const secretKey = bot.actions.getRepoPublicKey({ owner: "acme", repo: "api" });
    await expect(secretKey).rejects.toMatchObject({
      status: 403,
      response: { data: { message: "Resource not accessible by integration" } },
    });
    // and administration is not granted at all
    await expect(
      bot.repos.update({ owner: "acme", repo: "api", description: "no" }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("narrows a token to chosen repositories and permissions, and refuses more than granted", async () => {
    const jwtClient = appOctokit();
    const inst = await jwtClient.apps.getOrgInstallation({ org: "acme" });
    const narrow = await jwtClient.apps.createInstallationAccessToken({
      installation_id: inst.data.id,
      repositories: ["portal"],
      permissions: { issues: "read" },
    });
    const bot = octokitFor(sb, narrow.data.token);
    await expect(bot.issues.listForRepo({ owner: "acme", repo: "portal" })).resolves.toMatchObject({
      status: 200,
    });
    await expect(bot.issues.listForRepo({ owner: "acme", repo: "api" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      bot.issues.create({ owner: "acme", repo: "portal", title: "t" }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      jwtClient.apps.createInstallationAccessToken({
        installation_id: inst.data.id,
        permissions: { administration: "write" },
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("refuses a JWT signed with another key", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ type: "pkcs1", format: "pem" })
      .toString();
    const forged = new Octokit({
      baseUrl: sb.apiUrl,
      authStrategy: createAppAuth,
      auth: { appId: sb.seeded.apps.havuncore!.app.id, privateKey: other },
      request: { retries: 0 },
    });
    await expect(forged.apps.getAuthenticated()).rejects.toBeInstanceOf(RequestError);
    await expect(forged.apps.getAuthenticated()).rejects.toMatchObject({ status: 401 });
  });

  it("delivers signed webhooks for subscribed events, logs them, and redelivers with the same id", async () => {
    received.length = 0;
    const gh = octokitFor(sb, sb.token("alice"));
    const issue = await gh.issues.create({
      owner: "acme",
      repo: "api",
      title: "hook me",
      labels: ["bug"],
    });
    await gh.issues.createComment({
      owner: "acme",
      repo: "api",
      issue_number: issue.data.number,
      body: "hi",
    });
    await sb.webhooks.idle();
    expect(received.map((r) => `${r.event}.${r.action}`)).toEqual([
      "issues.opened",
      "issues.labeled",
      "issue_comment.created",
    ]);
    expect(received.every((r) => r.verified)).toBe(true);
    const jwtClient = appOctokit();
    const deliveries = await jwtClient.apps.listWebhookDeliveries();
    const first = deliveries.data.find((d) => d.guid === received[0]!.delivery)!;
    expect(first.status_code).toBe(200);
    await jwtClient.apps.redeliverWebhookDelivery({ delivery_id: first.id });
    await sb.webhooks.idle();
    expect(received.at(-1)!.delivery).toBe(first.guid);
  });

  it("records a delivery the App does not answer within the timeout as failed, without retrying", async () => {
    const slow = createServer(() => undefined);
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", () => r()));
    const quick = await acmeSandbox({ webhookTimeoutMs: 300 });
    try {
      quick.seeded.apps.havuncore!.app.webhookUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
      await octokitFor(quick, quick.token("alice")).issues.create({
        owner: "acme",
        repo: "api",
        title: "slow",
      });
      await quick.webhooks.idle();
      const d = quick.core.store.state.deliveries.filter((x) => x.event === "issues");
      expect(d).toHaveLength(1);
      expect(d[0]!.status).toBe("timed out");
    } finally {
      slow.closeAllConnections();
      slow.close();
      await quick.stop();
    }
  });
});
