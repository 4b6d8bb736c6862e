import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_MANIFEST } from "../../sandbox/default-seed.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { quiet } from "../sandbox/fixtures.ts";
import { closedPort, killAll, startHavunApp } from "./havun-app-process.ts";
import { sseChannel } from "./sse-channel.ts";

let sb: Sandbox;
let channel: Awaited<ReturnType<typeof sseChannel>>;
let dir: string;
beforeAll(async () => {
  channel = await sseChannel();
  sb = await startSandbox({
    secondaryRateLimit: 0,
    actions: false,
    seed: {
      users: [{ login: "alice" }],
      orgs: [{ login: "acme", members: { alice: "admin" } }],
      repos: [{ owner: "acme", name: "hub", files: { "README.md": "# hub\n" } }],
      apps: [
        {
          slug: "havuncore",
          owner: "acme",
          manifest: APP_MANIFEST,
          // GitHub posts to the channel, not to the App.
          webhookUrl: channel.url,
          installations: [{ account: "acme" }],
        },
      ],
    },
  });
  dir = mkdtempSync(join(tmpdir(), "havun-proxy-"));
});
afterAll(async () => {
  killAll();
  await sb.stop();
  await channel.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("havun app --webhook-proxy (no public address)", () => {
  it("forwards each webhook from the channel to the local webhook path, signature intact", async () => {
    const r = sb.seeded.apps.havuncore!.app;
    const app = startHavunApp(
      ["--api-url", sb.apiUrl, "--port", "0", "--webhook-proxy", channel.url],
      {
        cwd: dir,
        env: {
          HOST: "127.0.0.1",
          LOG_FORMAT: "json",
          APP_ID: String(r.id),
          PRIVATE_KEY: r.privateKeyPem,
          WEBHOOK_SECRET: r.webhookSecret,
          ANTHROPIC_API_KEY: "sk-ant-test",
          ANTHROPIC_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
        },
      },
    );
    await channel.connected();
    await app.log((l) => l.msg === "webhook proxy: connected");
    const alice = new Octokit({ baseUrl: sb.apiUrl, auth: sb.token("alice"), log: quiet });
    const issue = await alice.issues.create({
      owner: "acme",
      repo: "hub",
      title: "Through the channel",
      body: "/orchestrate Add a status page",
    });
    await sb.webhooks.idle();
    const delivery = sb.core.store.state.deliveries.find((d) => d.appId === r.id)!;
    expect(delivery.url).toBe(channel.url);
    // The App took it (200: the signature verified) and reacted 👀, its first act.
    const forwarded = await app.log(
      (l) => l.msg === "webhook proxy: forwarded" && l.id === delivery.guid,
    );
    expect(forwarded).toMatchObject({ event: "issues", status: 200 });
    // The App answers a webhook after reacting, so the reaction is there by now.
    const reactions = await alice.reactions.listForIssue({
      owner: "acme",
      repo: "hub",
      issue_number: issue.data.number,
    });
    expect(reactions.data.map((x) => [x.content, x.user?.login])).toContainEqual([
      "eyes",
      "havuncore[bot]",
    ]);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
  });
});
