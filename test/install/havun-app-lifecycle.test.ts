import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_MANIFEST } from "../../sandbox/default-seed.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { quiet } from "../sandbox/fixtures.ts";
import { heldModel } from "./held-model.ts";
import { closedPort, killAll, startHavunApp, waitForStatus } from "./havun-app-process.ts";

let sb: Sandbox;
let model: Awaited<ReturnType<typeof heldModel>>;
let dir: string;
let alice: Octokit;

beforeAll(async () => {
  model = await heldModel();
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
            "README.md": "# hub\n",
            ".github/havun.yml":
              "version: 1\nprojects:\n  - repo: acme/api\n    description: The API\n",
          },
        },
        { owner: "acme", name: "api", files: { "README.md": "# api\n" } },
      ],
      apps: [
        {
          slug: "havuncore",
          owner: "acme",
          manifest: APP_MANIFEST,
          installations: [{ account: "acme" }],
        },
      ],
    },
  });
  alice = new Octokit({ baseUrl: sb.apiUrl, auth: sb.token("alice"), log: quiet });
  dir = mkdtempSync(join(tmpdir(), "havun-lifecycle-"));
});
afterAll(async () => {
  killAll();
  await model.stop();
  await sb.stop();
  rmSync(dir, { recursive: true, force: true });
});

function registered() {
  return sb.seeded.apps.havuncore!.app;
}

/** `havun app` serving the seeded App from the environment (no .env). */
async function serve(apiUrl: string, extra: Record<string, string> = {}) {
  const r = registered();
  const app = startHavunApp(["--api-url", apiUrl, "--port", "0"], {
    cwd: dir,
    env: {
      HOST: "127.0.0.1",
      LOG_FORMAT: "json",
      APP_ID: String(r.id),
      PRIVATE_KEY: r.privateKeyPem.replace(/\n/g, "\\n"),
      WEBHOOK_SECRET: r.webhookSecret,
      ANTHROPIC_API_KEY: "sk-ant-test",
      ANTHROPIC_BASE_URL: model.url,
      ...extra,
    },
  });
  const [, webhookUrl] = await app.line(/HavunCore App listening: (\S+)/);
  return { ...app, webhookUrl: webhookUrl!, base: webhookUrl!.replace("/api/github/webhooks", "") };
}

/** Closes a test's issue, so the next server's start-up resume leaves it alone. */
async function close(number: number) {
  registered().webhookUrl = null;
  await alice.issues.update({ owner: "acme", repo: "hub", issue_number: number, state: "closed" });
}

/** Opens an /orchestrate issue whose planning the held model keeps running; resolves with its delivery. */
async function queueHeldJob(webhookUrl: string) {
  registered().webhookUrl = webhookUrl;
  const issue = await alice.issues.create({
    owner: "acme",
    repo: "hub",
    title: "Held",
    body: "/orchestrate Add a health page",
  });
  await model.received();
  const delivery = sb.core.store.state.deliveries.find(
    (d) =>
      d.event === "issues" &&
      (d.payload as { issue: { number: number } }).issue.number === issue.data.number,
  )!;
  return { number: issue.data.number, delivery: delivery.guid };
}

describe("havun app in production", () => {
  it("GET /healthz: 503 with the reason while GitHub is unreachable", async () => {
    const app = await serve(`http://127.0.0.1:${await closedPort()}/api/v3`);
    const res = await fetch(`${app.base}/healthz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; reason: string };
    expect(body.status).toBe("unavailable");
    expect(body.reason).toMatch(
      /^cannot reach GitHub: GET http:\/\/127\.0\.0\.1:\d+\/api\/v3\/app failed/,
    );
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
  });

  it("GET /healthz: 200 once GitHub accepts the App's JWT; logs are JSON lines", async () => {
    const app = await serve(sb.apiUrl);
    const res = await waitForStatus(`${app.base}/healthz`, (s) => s === 200);
    expect(await res.json()).toMatchObject({ status: "ok" });
    const before = sb.log.entries.filter((e) => e.route === "/app").length;
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
    // A fresh success is reused: the second answer made no request to GitHub.
    expect(sb.log.entries.filter((e) => e.route === "/app").length).toBe(before);
    await app.log((l) => l.msg === "HavunCore App listening");
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
    expect(app.logs.every((l) => typeof l.level === "number" && typeof l.time === "number")).toBe(
      true,
    );
  });

  it("SIGTERM: stops accepting, lets the queued job finish, exits 0; the job's lines carry the delivery id", async () => {
    model.hold();
    const app = await serve(sb.apiUrl);
    const { number, delivery } = await queueHeldJob(app.webhookUrl);
    app.child.kill("SIGTERM");
    await app.log((l) => String(l.msg).startsWith("shutting down"));
    // No new connections while the job still runs.
    for (;;) {
      const refused = await fetch(`${app.base}/healthz`).then(
        () => false,
        () => true,
      );
      if (refused) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(app.child.exitCode).toBeNull();
    let releasedBeforeExit = false;
    void app.exited.then(() => (releasedBeforeExit = model.released));
    model.release();
    expect(await app.exited).toBe(0);
    expect(releasedBeforeExit).toBe(true);
    const shutting = app.logs.find((l) => String(l.msg).startsWith("shutting down"))!;
    expect(shutting.pending).toContainEqual({
      key: `acme/hub#${number}`,
      jobs: expect.any(Number),
    });
    const failed = app.logs.find((l) => l.msg === "orchestration step failed")!;
    expect(failed).toMatchObject({ key: `acme/hub#${number}`, id: delivery });
    expect(app.logs.some((l) => l.msg === "queued work finished; exiting")).toBe(true);
    await close(number);
  });

  it("SIGTERM: past SHUTDOWN_TIMEOUT_SECONDS it exits 1 and says what was left", async () => {
    model.hold();
    const app = await serve(sb.apiUrl, { SHUTDOWN_TIMEOUT_SECONDS: "1" });
    const { number } = await queueHeldJob(app.webhookUrl);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(1);
    const left = app.logs.find((l) => String(l.msg).startsWith("shutdown deadline"))!;
    expect(left.left).toContainEqual({ key: `acme/hub#${number}`, jobs: expect.any(Number) });
    expect(String(left.msg)).toMatch(new RegExp(`acme/hub#${number} \\(\\d+ jobs?\\)`));
    model.release();
  });
});
