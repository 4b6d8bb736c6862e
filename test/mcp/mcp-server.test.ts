import Anthropic from "@anthropic-ai/sdk";
import { createAppAuth } from "@octokit/auth-app";
import { request } from "@octokit/request";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../app/harness.ts";
import { planScenario } from "../app/installments-plan.ts";
import { FIXTURE_FILES } from "../snippets/fixture-library.ts";

const HUB_CONFIG = `version: 1
projects:
  - repo: havun/api
    description: The payments HTTP API (Node)
  - repo: havun/portal
    description: The customer portal that calls the API
approval: auto
`;

/** `havun mcp` as another Claude starts it: a child process spoken to over stdio. */
async function connect(h: Harness, token: string, args: string[] = ["--hub", "havun/hub"]) {
  const client = new Client({ name: "havun-test", version: "1.0.0" });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["cli/bin/havun.js", "mcp", ...args],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      GITHUB_TOKEN: token,
      GITHUB_API_URL: h.sb.apiUrl,
      ANTHROPIC_BASE_URL: `${h.sb.serverUrl}/anthropic`,
      ANTHROPIC_API_KEY: "sk-ant-test",
    },
    stderr: "pipe",
  });
  await client.connect(transport);
  return client;
}

const call = async (c: Client, name: string, args: Record<string, unknown>) =>
  (await c.callTool({ name, arguments: args })) as CallToolResult;
const text = (r: CallToolResult) =>
  r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

let h: Harness;
let writer: Client;
beforeAll(async () => {
  h = await startHarness({ scenarios: [planScenario()], hubConfig: HUB_CONFIG });
  writer = await connect(h, h.sb.token("wendy"));
}, 120_000);
afterAll(async () => {
  await writer?.close();
  await h?.stop();
});

describe("havun mcp over stdio, with the SDK's client, against the sandbox", () => {
  it("lists a small set of tools whose definitions stay within a token budget", async () => {
    const { tools } = await writer.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "cancel_task",
      "list_orchestrations",
      "orchestrate",
      "plan",
      "retry_task",
      "search_snippets",
      "status",
    ]);
    for (const t of tools) expect(t.description!.length).toBeLessThan(160);
    // Counted as the model sees them: Claude gets name, description and input schema per tool.
    const anthropic = new Anthropic({
      apiKey: "sk-ant-test",
      baseURL: `${h.sb.serverUrl}/anthropic`,
    });
    const base = {
      model: "claude-sonnet-4-5",
      messages: [{ role: "user" as const, content: "hi" }],
    };
    const without = await anthropic.messages.countTokens(base);
    const withTools = await anthropic.messages.countTokens({
      ...base,
      tools: tools.map((t) => ({
        name: t.name,
        description: t.description ?? "",
        input_schema: t.inputSchema as Anthropic.Tool.InputSchema,
      })),
    });
    const size = withTools.input_tokens - without.input_tokens;
    console.log(`havun mcp tool list: ${size} tokens (${tools.length} tools)`);
    expect(size).toBeGreaterThan(100);
    expect(size).toBeLessThan(1200);
  });

  it("orchestrates as the token's user, then status and list_orchestrations follow it", async () => {
    const opened = await call(writer, "orchestrate", {
      request: "Add installment payments with 3-month and 6-month options",
    });
    expect(opened.isError).toBeFalsy();
    const { issue, url } = opened.structuredContent as { issue: number; url: string };
    expect(url).toContain(`/havun/hub/issues/${issue}`);
    const created = await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: issue });
    expect(created.data.user?.login).toBe("wendy");
    expect(created.data.body).toMatch(/^\/orchestrate Add installment payments/);
    await h.settle();

    const status = await call(writer, "status", { issue });
    expect(status.isError).toBeFalsy();
    const s = status.structuredContent as {
      planned: boolean;
      total: number;
      tasks: { id: string; status: string; issue: number | null }[];
    };
    expect(s.planned).toBe(true);
    expect(s.total).toBe(3);
    expect(s.tasks.find((t) => t.id === "api-installments")).toMatchObject({
      status: "dispatched",
    });
    expect(s.tasks.find((t) => t.id === "admin-dashboard")).toMatchObject({ status: "blocked" });
    expect(JSON.parse(text(status))).toEqual(status.structuredContent);

    const list = await call(writer, "list_orchestrations", {});
    expect(
      (list.structuredContent as { orchestrations: { issue: number }[] }).orchestrations,
    ).toEqual([expect.objectContaining({ issue, state: "open" })]);

    // A write the App acts on: /cancel of one task, commented as the token's user.
    const cancel = await call(writer, "cancel_task", { issue, task: "admin-dashboard" });
    expect(cancel.structuredContent).toMatchObject({ comment: "/cancel admin-dashboard" });
    await h.settle();
    const after = (await call(writer, "status", { issue })).structuredContent as {
      tasks: { id: string; status: string }[];
    };
    expect(after.tasks.find((t) => t.id === "admin-dashboard")?.status).toBe("cancelled");

    const retry = await call(writer, "retry_task", { issue, task: "api-installments" });
    expect(retry.isError).toBeFalsy();
    const comments = await h.writer.issues.listComments({
      owner: "havun",
      repo: "hub",
      issue_number: issue,
    });
    expect(comments.data.find((c) => c.body === "/retry api-installments")?.user?.login).toBe(
      "wendy",
    );
  });

  it("plans as a dry run and writes nothing", async () => {
    const before = (
      await h.writer.issues.listForRepo({ owner: "havun", repo: "hub", state: "all" })
    ).data.length;
    const plan = await call(writer, "plan", { request: "Add installment payments" });
    expect(plan.isError).toBeFalsy();
    expect((plan.structuredContent as { tasks: { id: string }[] }).tasks.map((t) => t.id)).toEqual([
      "api-installments",
      "portal-checkout",
      "admin-dashboard",
    ]);
    expect(
      (await h.writer.issues.listForRepo({ owner: "havun", repo: "hub", state: "all" })).data,
    ).toHaveLength(before);
  });

  it("searches the hub's snippet library as the planner does, and says when there is none", async () => {
    const empty = await call(writer, "search_snippets", { query: "stripe webhook" });
    expect(empty.isError).toBe(true);
    expect(text(empty)).toContain("havun/hub has no snippets in snippets/");
    for (const path of [
      "payments/stripe-webhook-verify.ts",
      "payments/installment-schedule.js",
      "http/retry-fetch.ts",
      "auth/jwt-verify.ts",
    ])
      await h.writer.repos.createOrUpdateFileContents({
        owner: "havun",
        repo: "hub",
        path: `snippets/${path}`,
        message: `snippet ${path}`,
        content: Buffer.from(FIXTURE_FILES[path]!).toString("base64"),
      });
    const found = await call(writer, "search_snippets", {
      query: "verify stripe webhook signature",
    });
    expect(found.isError).toBeFalsy();
    const r = found.structuredContent as {
      library: string;
      size: number;
      hits: { id: string; description: string; usage: string }[];
    };
    expect(r).toMatchObject({ library: "snippets", size: 4 });
    expect(r.hits[0]?.id).toBe("payments/stripe-webhook-verify");
    expect(r.hits[0]?.description.length).toBeGreaterThan(10);
    const tagged = await call(writer, "search_snippets", {
      query: "retry",
      tags: ["no-such-tag"],
    });
    expect((tagged.structuredContent as { hits: unknown[] }).hits).toEqual([]);
  });

  it("refuses a write for a read-only token and says what to do", async () => {
    const app = h.sb.seeded.apps.havuncore!;
    const auth = createAppAuth({
      appId: app.app.id,
      privateKey: app.app.privateKeyPem,
      request: request.defaults({ baseUrl: h.sb.apiUrl }),
    });
    const readOnly = await auth({
      type: "installation",
      installationId: app.installations[0]!.id,
      permissions: { issues: "read", contents: "read", metadata: "read" },
    });
    const reader = await connect(h, readOnly.token);
    try {
      const before = (
        await h.writer.issues.listForRepo({ owner: "havun", repo: "hub", state: "all" })
      ).data.length;
      const refused = await call(reader, "orchestrate", { request: "Add refunds" });
      expect(refused.isError).toBe(true);
      expect(text(refused)).toMatch(/refused to let this token open an issue in havun\/hub \(403/);
      expect(text(refused)).toContain("Use a token of someone with write access to havun/hub");
      expect(
        (await h.writer.issues.listForRepo({ owner: "havun", repo: "hub", state: "all" })).data,
      ).toHaveLength(before);
      // Reading works with the same token.
      const list = await call(reader, "list_orchestrations", { state: "all" });
      expect(list.isError).toBeFalsy();
    } finally {
      await reader.close();
    }
  });

  it("says how to name a hub when neither the call nor the server names one", async () => {
    const bare = await connect(h, h.sb.token("wendy"), []);
    try {
      const r = await call(bare, "status", { issue: 1 });
      expect(r.isError).toBe(true);
      expect(text(r)).toContain(
        "pass hub as OWNER/REPO (or start havun mcp with --hub OWNER/REPO)",
      );
      const missing = await call(bare, "status", { hub: "havun/hub", issue: 999 });
      expect(text(missing)).toContain("havun/hub#999 does not exist");
    } finally {
      await bare.close();
    }
  });
});
