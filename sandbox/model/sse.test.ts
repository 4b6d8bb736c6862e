import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelServer, type ModelServer } from "./index.ts";
import { TOOLS, post } from "./test-support.ts";

let model: ModelServer;
beforeAll(async () => {
  model = await startModelServer({
    chunkChars: 8,
    scenarios: [
      {
        name: "all-blocks",
        turns: [
          {
            content: [
              { type: "thinking", thinking: "Let me think about this." },
              { type: "text", text: "Running the tests now." },
              { type: "tool_use", name: "Bash", input: { command: "npm test", timeout: 60000 } },
            ],
            usage: { output_tokens: 42 },
          },
        ],
      },
    ],
  });
});
afterAll(() => model.stop());

function events(text: string): Array<{ event: string; data: any }> {
  return text
    .trim()
    .split("\n\n")
    .map((chunk) => {
      const [eventLine, dataLine] = chunk.split("\n");
      return { event: eventLine!.slice(7), data: JSON.parse(dataLine!.slice(6)) };
    });
}

describe("streamed answers", () => {
  it("follow the API's event order with thinking, text and input_json deltas", async () => {
    const res = await post(model, "/v1/messages?beta=true", {
      model: "claude-sonnet-4-6",
      max_tokens: 1000,
      stream: true,
      tools: TOOLS,
      messages: [{ role: "user", content: "go" }],
    });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const evs = events(res.text);
    expect(evs.every((e) => e.event === e.data.type)).toBe(true);
    const kinds = evs.map((e) => (e.event === "content_block_delta" ? e.data.delta.type : e.event));
    const collapsed = kinds.filter((k, i) => k !== kinds[i - 1]);
    expect(collapsed).toEqual([
      "message_start",
      "ping",
      "content_block_start",
      "thinking_delta",
      "signature_delta",
      "content_block_stop",
      "content_block_start",
      "text_delta",
      "content_block_stop",
      "content_block_start",
      "input_json_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(kinds.filter((k) => k === "input_json_delta").length).toBeGreaterThan(2);
    const json = evs
      .filter((e) => e.data.delta?.type === "input_json_delta")
      .map((e) => e.data.delta.partial_json)
      .join("");
    expect(JSON.parse(json)).toEqual({ command: "npm test", timeout: 60000 });
    const start = evs[0]!.data.message;
    expect(start).toMatchObject({ role: "assistant", content: [], stop_reason: null });
    expect(start.usage.output_tokens).toBe(1);
    const delta = evs.find((e) => e.event === "message_delta")!.data;
    expect(delta.delta).toEqual({ stop_reason: "tool_use", stop_sequence: null });
    expect(delta.usage.output_tokens).toBe(42);
    const toolStart = evs.find((e) => e.data.content_block?.type === "tool_use")!.data;
    expect(toolStart.content_block).toMatchObject({ name: "Bash", input: {} });
  });
});
