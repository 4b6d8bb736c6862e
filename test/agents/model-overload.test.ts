import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelServer, type ModelServer } from "../../sandbox/model/index.ts";
import { post } from "../../sandbox/model/test-support.ts";

/**
 * The scripted model can keep one model overloaded while another answers: what an agent's
 * fallback is tested against (test/agents/agent-run.test.ts).
 */
let model: ModelServer;
beforeAll(async () => {
  model = await startModelServer({ errors: [{ status: 529, model: "claude-opus-5-5" }] });
});
afterAll(() => model.stop());

const ask = (name: string) =>
  post(model, "/v1/messages", {
    model: name,
    max_tokens: 16,
    messages: [{ role: "user", content: "hello" }],
  });

describe("a fault for one model", () => {
  it("answers that model overloaded every time and the others normally", async () => {
    for (let i = 0; i < 3; i++) {
      const busy = await ask("claude-opus-5-5");
      expect(busy.status).toBe(529);
      expect(busy.json.error.type).toBe("overloaded_error");
    }
    const other = await ask("claude-sonnet-5-5");
    expect(other.status).toBe(200);
    expect(other.json.model).toBe("claude-sonnet-5-5");
    expect(model.recorder.records.map((r) => [r.model, r.outcome])).toEqual([
      ["claude-opus-5-5", "fault"],
      ["claude-opus-5-5", "fault"],
      ["claude-opus-5-5", "fault"],
      ["claude-sonnet-5-5", "unmatched"],
    ]);
  });
});
