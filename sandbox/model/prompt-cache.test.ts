import { describe, expect, it } from "vitest";
import { PromptCache } from "./prompt-cache.ts";
import type { CountTokensRequest } from "./request.ts";

const cached = { type: "ephemeral" };
const system = [{ type: "text", text: "s".repeat(8000), cache_control: cached }];
const user = (text: string, mark = false) => ({
  role: "user" as const,
  content: [{ type: "text", text, ...(mark ? { cache_control: cached } : {}) }],
});
const req = (messages: CountTokensRequest["messages"], sys: unknown[] = system) =>
  ({ model: "m", system: sys, messages }) as CountTokensRequest;

describe("PromptCache", () => {
  it("writes the prefix up to the last breakpoint, then reads it", () => {
    const cache = new PromptCache();
    const first = req([user("q".repeat(400))]);
    expect(cache.account(first)).toEqual({
      input_tokens: 100,
      cache_creation_input_tokens: 2000,
      cache_read_input_tokens: 0,
    });
    expect(cache.account(first)).toEqual({
      input_tokens: 100,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 2000,
    });
  });

  it("reads the earlier conversation and writes only what is new", () => {
    const cache = new PromptCache();
    cache.account(req([user("a".repeat(400), true)]));
    const next = cache.account(
      req([
        user("a".repeat(400)),
        { role: "assistant", content: "b".repeat(400) },
        user("c".repeat(400), true),
      ]),
    );
    expect(next).toEqual({
      input_tokens: 0,
      cache_read_input_tokens: 2100,
      cache_creation_input_tokens: 200,
    });
  });

  it("caches nothing without a breakpoint or below the minimum", () => {
    const cache = new PromptCache();
    const plain = req(
      [user("x".repeat(400))],
      [{ type: "text", text: "short", cache_control: cached }],
    );
    expect(cache.account(plain).cache_creation_input_tokens).toBe(0);
    expect(cache.account(req([user("x".repeat(8000))], [])).input_tokens).toBe(2000);
  });
});
