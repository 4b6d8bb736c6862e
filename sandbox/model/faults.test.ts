import Anthropic from "@anthropic-ai/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { startModelServer, type FaultRule, type ModelServer } from "./index.ts";
import { client, post } from "./test-support.ts";

let model: ModelServer | undefined;
afterEach(() => model?.stop());

const ask = (api: Anthropic) =>
  api.messages.create({
    model: "claude-sonnet-4-6",
    max_tokens: 64,
    messages: [{ role: "user", content: "hello" }],
  });

async function serverWith(errors: FaultRule[], seed?: number): Promise<ModelServer> {
  model = await startModelServer({ errors, seed });
  return model;
}

describe("injected errors, in the API's shapes", () => {
  it("529 overloaded_error, 429 rate_limit_error with retry-after, 500 api_error", async () => {
    const m = await serverWith([{ status: 529 }]);
    const body = { model: "m", max_tokens: 1, messages: [] };
    expect((await post(m, "/v1/messages", body)).json).toMatchObject({
      type: "error",
      error: { type: "overloaded_error", message: "Overloaded" },
    });
    m.reset();
    m.faults.reset([{ status: 429 }]);
    const limited = await post(m, "/v1/messages", body);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.json.error.type).toBe("rate_limit_error");
    m.faults.reset([{ status: 500, message: "boom" }]);
    expect((await post(m, "/v1/messages", body)).json.error).toEqual({
      type: "api_error",
      message: "boom",
    });
  });
});

describe("@anthropic-ai/sdk with its default retries (maxRetries 2)", () => {
  it("retries 529 twice and gets the answer", async () => {
    const m = await serverWith([{ status: 529, times: 2 }]);
    const message = await ask(client(m));
    expect(message.content).toEqual([{ type: "text", text: "OK" }]);
    expect(m.recorder.records.map((r) => r.status)).toEqual([529, 529, 200]);
  });

  it("waits out a 429's retry-after and gets the answer", async () => {
    const m = await serverWith([{ status: 429, times: 1, retryAfterSeconds: 0.3 }]);
    const started = performance.now();
    await ask(client(m));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(m.recorder.records.map((r) => r.outcome)).toEqual(["fault", "unmatched"]);
  });

  it("gives up after three 500s with an InternalServerError", async () => {
    const m = await serverWith([{ status: 500 }]);
    const error = await ask(client(m)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.InternalServerError);
    expect((error as InstanceType<typeof Anthropic.APIError>).requestID).toMatch(/^req_/);
    expect(m.recorder.records).toHaveLength(3);
  });

  it("surfaces an overloaded_error event sent in the middle of a stream", async () => {
    const m = await serverWith([{ status: 529, times: 1, midStream: true }]);
    const stream = client(m).messages.stream({
      model: "claude-sonnet-4-6",
      max_tokens: 64,
      messages: [{ role: "user", content: "hello" }],
    });
    const error = await stream.finalMessage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(String((error as Error).message)).toContain("overloaded_error");
    expect(m.recorder.records[0]).toMatchObject({ outcome: "fault", status: 200 });
  });
});

describe("rate-based faults", () => {
  it("repeat for the same seed and target only what they match", async () => {
    const pattern = async () => {
      const m = await serverWith([{ status: 500, rate: 0.5, unmatched: true }], 7);
      const api = client(m, { maxRetries: 0 });
      const out: number[] = [];
      for (let i = 0; i < 12; i++)
        out.push(
          await ask(api).then(
            () => 200,
            () => 500,
          ),
        );
      await m.stop();
      return out;
    };
    const a = await pattern();
    expect(await pattern()).toEqual(a);
    expect(a).toContain(500);
    expect(a).toContain(200);
    const m = await serverWith([{ status: 500, scenario: "other" }]);
    await ask(client(m, { maxRetries: 0 }));
    expect(m.faults.counts()[0]?.fired).toBe(0);
  });
});
