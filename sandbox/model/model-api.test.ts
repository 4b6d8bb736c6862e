import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startModelServer, type ModelServer } from "./index.ts";
import { TOOLS, client, post } from "./test-support.ts";

let model: ModelServer;
beforeAll(async () => {
  model = await startModelServer({
    scenarios: [
      {
        name: "read-then-done",
        match: { firstUser: "TASK-7" },
        turns: [
          {
            content: [
              { type: "text", text: "Reading." },
              { type: "tool_use", name: "Read", input: { file_path: "{{cwd}}/a.txt" } },
            ],
          },
          { content: [{ type: "text", text: "It said: {{lastToolResult}}" }] },
        ],
      },
    ],
  });
});
afterAll(() => model.stop());
beforeEach(() => model.reset());

const first = {
  role: "user" as const,
  content: "Primary working directory: /tmp/ws-1\n\nTASK-7: read a.txt",
};

describe("scenario turns", () => {
  it("answers turn 0 with text and a fresh tool_use, filling {{cwd}}", async () => {
    const api = client(model);
    const ask = () =>
      api.messages.create({
        model: "claude-sonnet-4-6",
        max_tokens: 1024,
        tools: TOOLS,
        messages: [first],
      });
    const [a, b] = await Promise.all([ask(), ask()]);
    expect(a.stop_reason).toBe("tool_use");
    expect(a.id).toMatch(/^msg_01\w{22}$/);
    expect(a.content[0]).toEqual({ type: "text", text: "Reading." });
    const use = a.content[1];
    expect(use).toMatchObject({
      type: "tool_use",
      name: "Read",
      input: { file_path: "/tmp/ws-1/a.txt" },
    });
    expect(use?.type === "tool_use" && use.id).toMatch(/^toolu_01\w{22}$/);
    expect(b.content[1]?.type === "tool_use" && b.content[1].id).not.toBe(
      use?.type === "tool_use" && use.id,
    );
    expect(model.recorder.records.map((r) => [r.scenario, r.turn, r.outcome])).toEqual([
      ["read-then-done", 0, "scenario"],
      ["read-then-done", 0, "scenario"],
    ]);
  });

  it("picks the turn from the assistant messages already sent, and streams it", async () => {
    const stream = client(model).messages.stream({
      model: "claude-sonnet-4-6",
      max_tokens: 1024,
      tools: TOOLS,
      messages: [
        first,
        {
          role: "assistant",
          content: [{ type: "tool_use", id: "toolu_1", name: "Read", input: {} }],
        },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "1\thello" }],
        },
      ],
    });
    const texts: string[] = [];
    stream.on("text", (t) => texts.push(t));
    const message = await stream.finalMessage();
    expect(message.content).toEqual([{ type: "text", text: "It said: 1\thello" }]);
    expect(message.stop_reason).toBe("end_turn");
    expect(texts.join("")).toBe("It said: 1\thello");
    expect(model.recorder.records[0]).toMatchObject({ turn: 1, stream: true, outcome: "scenario" });
  });

  it("says so when the conversation goes past the scenario's last turn", async () => {
    const asst = { role: "assistant" as const, content: "x" };
    const user = { role: "user" as const, content: "y" };
    const message = await client(model).messages.create({
      model: "claude-sonnet-4-6",
      max_tokens: 100,
      tools: TOOLS,
      messages: [first, asst, user, asst, user],
    });
    expect(message.content).toEqual([
      { type: "text", text: '(scenario "read-then-done" has no turn 2)' },
    ]);
    expect(model.recorder.records[0]?.outcome).toBe("exhausted");
  });
});

describe("requests no scenario answers", () => {
  it("get the default reply and are recorded as unmatched", async () => {
    const message = await client(model).messages.create({
      model: "claude-haiku-4-5",
      max_tokens: 50,
      messages: [{ role: "user", content: "Write a 5-word title for: TASK-1" }],
    });
    expect(message.content).toEqual([{ type: "text", text: "OK" }]);
    expect(model.recorder.unmatched()).toHaveLength(1);
    expect(model.recorder.unmatched()[0]).toMatchObject({ model: "claude-haiku-4-5", tools: [] });
  });

  it("include a matching conversation that does not offer the turn's tool", async () => {
    await client(model).messages.create({
      model: "claude-haiku-4-5",
      max_tokens: 50,
      messages: [first],
    });
    expect(model.recorder.records[0]?.outcome).toBe("unmatched");
  });
});

describe("refusals in the API's shapes", () => {
  const body = { model: "m", max_tokens: 10, messages: [{ role: "user", content: "hi" }] };

  it("401 without credentials; any x-api-key or bearer token is accepted", async () => {
    const none = await post(model, "/v1/messages", body, {});
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({
      type: "error",
      error: { type: "authentication_error", message: "x-api-key header is required" },
    });
    expect(none.json.request_id).toMatch(/^req_/);
    const bearer = await post(model, "/v1/messages", body, { authorization: "Bearer anything" });
    expect(bearer.status).toBe(200);
  });

  it("400 invalid_request_error for a body without max_tokens, bad messages, or bad JSON", async () => {
    const noMax = await post(model, "/v1/messages", { model: "m", messages: [] });
    expect(noMax.status).toBe(400);
    expect(noMax.json.error).toEqual({
      type: "invalid_request_error",
      message: "max_tokens: Field required",
    });
    const badRole = await post(model, "/v1/messages", {
      ...body,
      messages: [{ role: "robot", content: "x" }],
    });
    expect(badRole.json.error.message).toMatch(/^messages\.0\.role: /);
    expect((await post(model, "/v1/messages", "{")).json.error.type).toBe("invalid_request_error");
  });

  it("404 not_found_error for other paths under /v1", async () => {
    const res = await post(model, "/v1/complete", body);
    expect(res.status).toBe(404);
    expect(res.json.error.type).toBe("not_found_error");
  });

  it("400 naming the scenario, turn and fix when a placeholder cannot be filled", async () => {
    const res = await post(model, "/v1/messages?beta=true", {
      ...body,
      tools: TOOLS,
      messages: [{ role: "user", content: "TASK-7 without a working directory" }],
    });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(
      /read-then-done turn 0: placeholder \{\{cwd\}\} has no value.*Primary working directory/,
    );
    expect(model.recorder.records[0]).toMatchObject({
      beta: true,
      outcome: "invalid",
      status: 400,
    });
  });
});

describe("count_tokens and the recorder", () => {
  it("estimates input tokens at about four characters each", async () => {
    const counted = await client(model).messages.countTokens({
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "x".repeat(400) }],
    });
    expect(counted.input_tokens).toBe(100);
  });

  it("records request shape and sums usage per model", async () => {
    const api = client(model);
    await api.messages.create({
      model: "claude-sonnet-4-6",
      max_tokens: 1024,
      system: [{ type: "text", text: "s".repeat(8000), cache_control: { type: "ephemeral" } }],
      tools: TOOLS,
      tool_choice: { type: "auto" },
      messages: [first],
    });
    await api.messages.create({ model: "claude-haiku-4-5", max_tokens: 9, messages: [first] });
    const [big] = model.recorder.records;
    expect(big).toMatchObject({
      systemChars: 8000,
      messageCount: 1,
      messageChars: first.content.length,
      tools: ["Read", "Edit", "Write", "Bash"],
      cacheControlBlocks: 1,
      toolChoice: { type: "auto" },
      maxTokens: 1024,
    });
    const summary = model.recorder.summary();
    expect(summary.requests).toBe(2);
    expect(summary.cacheWriteTokens).toBeGreaterThan(2000);
    expect(Object.keys(summary.byModel).sort()).toEqual(["claude-haiku-4-5", "claude-sonnet-4-6"]);
    expect(summary.byModel["claude-haiku-4-5"]?.outputTokens).toBe(1);
  });
});
