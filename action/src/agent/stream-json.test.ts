import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseStreamJson, parseStreamJsonLine } from "./stream-json.ts";

// Recorded from Claude Code 2.1.329: one Write, a 529 retried, a closing text.
const recorded = readFileSync(
  join(import.meta.dirname, "fixtures/claude-code-stream.jsonl"),
  "utf8",
);

describe("parseStreamJson", () => {
  const parsed = parseStreamJson(recorded);

  it("reads init, tool use and result, the retry, and the result", () => {
    expect(parsed.events.map((e) => e.subtype ?? e.type)).toEqual([
      "init",
      "assistant",
      "user",
      "api_retry",
      "assistant",
      "success",
    ]);
    expect(parsed.init).toMatchObject({
      model: "claude-sonnet-4-5",
      claude_code_version: "2.1.329",
    });
    expect(parsed.toolUses).toEqual([
      {
        id: expect.stringMatching(/^toolu_/),
        name: "Write",
        input: {
          file_path: expect.stringMatching(/hello\.txt$/),
          content: "hello after a retry\n",
        },
      },
    ]);
    expect(parsed.toolResults[0]).toMatchObject({
      toolUseId: parsed.toolUses[0]?.id,
      isError: false,
    });
    expect(parsed.toolResults[0]?.text).toMatch(/^File created successfully/);
    expect(parsed.retries).toEqual([
      expect.objectContaining({ attempt: 1, error_status: 529, error: "overloaded" }),
    ]);
    expect(parsed.texts).toEqual(["Wrote hello.txt."]);
    expect(parsed.result).toMatchObject({
      subtype: "success",
      is_error: false,
      num_turns: 2,
      result: "Wrote hello.txt.",
    });
    expect(parsed.result?.total_cost_usd).toBeGreaterThan(0);
    expect(parsed.result?.usage.output_tokens).toBeGreaterThan(0);
  });

  it("keeps lines that are not events apart", () => {
    const out = parseStreamJson(`not json\n\n{"no":"type"}\n{"type":"result"}\n`);
    expect(out.stray).toEqual(["not json", '{"no":"type"}']);
    expect(out.events).toEqual([{ type: "result" }]);
    expect(out.result).toBeNull(); // a result without its fields is not taken as one
    expect(parseStreamJsonLine("[1]")).toBeNull();
  });
});
