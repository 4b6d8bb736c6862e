import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Anthropic from "@anthropic-ai/sdk";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../../app/server.ts";
import { createSubIssues } from "../../app/gateway/create-sub-issues.ts";
import { keyedComment } from "../../app/gateway/apply-actions.ts";
import { planComments } from "../../app/orchestrator/plan-comments.ts";
import { renderSubIssueBody } from "../../app/render/sub-issue-body.ts";
import { signerFromPrivateKey } from "../../app/trust/marker-signer.ts";
import { quiet } from "../sandbox/fixtures.ts";
import { prefixed, rounds } from "./edge-plans.ts";
import { startHarness, type Harness } from "./harness.ts";

let h: Harness;
const extra: AppServer[] = [];
beforeAll(async () => {
  h = await startHarness({
    scenarios: [
      rounds("redeliver-me", prefixed("rd")),
      rounds("twice-at-once", prefixed("tw")),
      rounds("crash-halfway", prefixed("cr")),
    ],
  });
});
afterAll(async () => {
  for (const a of extra) await a.stop();
  await h.stop();
});

async function subIssues(hub: number) {
  const r = await h.writer.issues.listSubIssues({ owner: "havun", repo: "hub", issue_number: hub });
  return r.data;
}

async function planCommentsOn(hub: number) {
  const r = await h.writer.issues.listComments({ owner: "havun", repo: "hub", issue_number: hub });
  return r.data.filter((c) => c.body?.includes("key=plan "));
}

function anotherApp(): Promise<AppServer> {
  const registered = h.sb.seeded.apps.havuncore!.app;
  return startAppServer({
    appId: registered.id,
    privateKey: registered.privateKeyPem,
    webhookSecret: registered.webhookSecret,
    baseUrl: h.sb.apiUrl,
    anthropic: new Anthropic({ apiKey: "sk-ant-test", baseURL: `${h.sb.serverUrl}/anthropic` }),
    logLevel: "fatal",
    writeSpacingMs: 0,
    resume: false,
  }).then((a) => (extra.push(a), a));
}

describe("idempotence", () => {
  it("a redelivered webhook creates no duplicate sub-issue, comment or label", async () => {
    const issue = await h.writer.issues.create({
      owner: "havun",
      repo: "hub",
      title: "r",
      body: "/orchestrate redeliver-me",
    });
    await h.settle();
    const before = {
      subs: await subIssues(issue.data.number),
      plans: await planCommentsOn(issue.data.number),
    };
    const delivery = h.sb.core.store.state.deliveries.find(
      (d) =>
        d.event === "issues" &&
        d.action === "opened" &&
        (d.payload as { issue: { number: number } }).issue.number === issue.data.number &&
        (d.payload as { repository: { name: string } }).repository.name === "hub",
    )!;
    expect(await h.sb.webhooks.redeliver(delivery.id)).toBe(200);
    await h.settle();
    const after = {
      subs: await subIssues(issue.data.number),
      plans: await planCommentsOn(issue.data.number),
    };
    expect(after.subs.map((s) => s.id)).toEqual(before.subs.map((s) => s.id));
    expect(after.plans).toHaveLength(1);
    for (const s of after.subs)
      expect(new Set(s.labels.map((l) => (typeof l === "string" ? l : l.name))).size).toBe(
        s.labels.length,
      );
  });

  it("the same delivery handled at once by two App instances converges to one set of sub-issues and one plan comment", async () => {
    const a = h.app;
    const b = await anotherApp();
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", async () => {
        const body = Buffer.concat(chunks);
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => k.startsWith("x-") || k === "content-type"),
        ) as Record<string, string>;
        const [ra] = await Promise.all(
          [a.webhookUrl, b.webhookUrl].map((url) => fetch(url, { method: "POST", headers, body })),
        );
        res.writeHead(ra!.status).end();
      });
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", () => r()));
    const registered = h.sb.seeded.apps.havuncore!.app;
    registered.webhookUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/`;
    try {
      const issue = await h.writer.issues.create({
        owner: "havun",
        repo: "hub",
        title: "t",
        body: "/orchestrate twice-at-once",
      });
      for (let i = 0; i < 5; i++) {
        await h.settle();
        await b.queue.idle();
      }
      const subs = await subIssues(issue.data.number);
      const open = subs.filter((s) => s.state === "open");
      expect(open.map((s) => /id=([a-z0-9-]+) -->/.exec(s.body ?? "")?.[1]).sort()).toEqual([
        "tw-admin-dashboard",
        "tw-api-installments",
        "tw-portal-checkout",
      ]);
      expect(
        subs.filter((s) => s.state === "closed").every((s) => s.state_reason === "duplicate"),
      ).toBe(true);
      expect(await planCommentsOn(issue.data.number)).toHaveLength(1);
    } finally {
      registered.webhookUrl = a.webhookUrl;
      proxy.close();
    }
  });
});

describe("a crash half-way", () => {
  it("resumes at start-up: the missing sub-issues are created once, linked, labelled and dispatched", async () => {
    const registered = h.sb.seeded.apps.havuncore!.app;
    registered.webhookUrl = null; // the App is down
    const issue = await h.writer.issues.create({
      owner: "havun",
      repo: "hub",
      title: "c",
      body: "/orchestrate crash-halfway",
    });
    // What the App had done before it died: the plan comment and the first sub-issue.
    const appClient = new Octokit({
      baseUrl: h.sb.apiUrl,
      authStrategy: createAppAuth,
      auth: {
        appId: registered.id,
        privateKey: registered.privateKeyPem,
        installationId: h.sb.seeded.apps.havuncore!.installations[0]!.id,
      },
      log: quiet,
    });
    const plan = prefixed("cr");
    const [comment] = planComments(plan as never, {
      hub: "havun/hub",
      issueNumber: issue.data.number,
      approval: "auto",
    });
    await appClient.issues.createComment({
      owner: "havun",
      repo: "hub",
      issue_number: issue.data.number,
      body: keyedComment("plan", comment!),
    });
    const first = plan.tasks[0]!;
    const spec = {
      v: 1 as const,
      hub: "havun/hub",
      hub_issue: issue.data.number,
      task: first as never,
      attempt: 1,
    };
    await createSubIssues(
      appClient as never,
      {
        repo: "havun/hub",
        number: issue.data.number,
        id: issue.data.id,
        nodeId: issue.data.node_id,
      },
      [
        {
          kind: "create-sub-issue",
          task: first as never,
          spec,
          title: first.title,
          body: renderSubIssueBody(spec, {
            hubIssueUrl: issue.data.html_url,
            signer: signerFromPrivateKey(registered.privateKeyPem),
          }),
          labels: ["havun"],
        },
      ],
    );
    expect(await subIssues(issue.data.number)).toHaveLength(1);

    const restarted = await startAppServer({
      appId: registered.id,
      privateKey: registered.privateKeyPem,
      webhookSecret: registered.webhookSecret,
      baseUrl: h.sb.apiUrl,
      anthropic: new Anthropic({ apiKey: "x", baseURL: `${h.sb.serverUrl}/anthropic` }),
      logLevel: "fatal",
      writeSpacingMs: 0,
      resume: true,
    });
    extra.push(restarted);
    registered.webhookUrl = restarted.webhookUrl;
    await restarted.queue.idle();
    for (let i = 0; i < 3; i++) {
      await h.sb.webhooks.idle();
      await restarted.queue.idle();
    }
    const subs = await subIssues(issue.data.number);
    expect(subs).toHaveLength(3);
    const api = subs.find((s) => s.body?.includes("id=cr-api-installments"))!;
    expect(api.labels.map((l) => (typeof l === "string" ? l : l.name))).toContain("havun:ready");
    const dash = subs.find((s) => s.body?.includes("id=cr-admin-dashboard"))!;
    const blockedBy = await h.writer.issues.listDependenciesBlockedBy({
      owner: "havun",
      repo: "portal",
      issue_number: dash.number,
    });
    expect(blockedBy.data).toHaveLength(2);
    expect(await planCommentsOn(issue.data.number)).toHaveLength(1);
    registered.webhookUrl = h.app.webhookUrl;
  });
});
