import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  loadScenarioFile,
  startModelServer,
  type FaultRule,
  type ModelServer,
} from "../../sandbox/model/index.ts";
import { runClaudeCode } from "./run-claude.ts";
import { createGitWorkspace, type GitWorkspace } from "./workspace.ts";

const scenario = loadScenarioFile(join(import.meta.dirname, "scenarios/retry-write.yaml"));

describe("Claude Code retries a failed model request", () => {
  let model: ModelServer;
  let ws: GitWorkspace;

  const runWith = async (errors: FaultRule[]) => {
    model = await startModelServer({ scenarios: [{ ...scenario, errors }] });
    return runClaudeCode({
      cwd: ws.dir,
      prompt: "HAVUN-TASK-RETRY: write hello.txt",
      baseUrl: model.baseUrl,
      maxTurns: 4,
      allowedTools: ["Write"],
    });
  };

  beforeEach(() => {
    ws = createGitWorkspace({ "README.md": "# retry\n" });
  });
  afterEach(async () => {
    await model?.stop();
    ws.cleanup();
  });

  it.each([
    [529, "overloaded"],
    [429, "rate_limit"],
  ])("after a %i and succeeds", async (status, error) => {
    const run = await runWith([{ status, times: 1, turn: 0 }]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(ws.read("hello.txt")).toBe("hello after a retry\n");
    expect(run.retries).toHaveLength(1);
    expect(run.retries[0]).toMatchObject({ attempt: 1, error_status: status, error });
    expect(run.result).toMatchObject({ subtype: "success", is_error: false, num_turns: 2 });
    // Claude Code retries in its own loop (max_retries 10), not the SDK's: the counter stays 0.
    const seen = model.recorder.forScenario("retry-write");
    expect(seen.map((r) => [r.turn, r.status, r.headers["x-stainless-retry-count"]])).toEqual([
      [0, status, "0"],
      [0, 200, "0"],
      [1, 200, "0"],
    ]);
    expect(new Set(seen.map((r) => r.headers["x-claude-code-session-id"])).size).toBe(1);
  });

  it("after an overloaded_error event in the middle of the stream", async () => {
    const run = await runWith([{ status: 529, times: 1, turn: 0, midStream: true }]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(ws.read("hello.txt")).toBe("hello after a retry\n");
    // Claude Code retries in its own loop (max_retries 10), not the SDK's: the counter stays 0.
    const seen = model.recorder.forScenario("retry-write");
    expect(seen.map((r) => [r.turn, r.outcome, r.stream])).toEqual([
      [0, "fault", true],
      [0, "scenario", true],
      [1, "scenario", true],
    ]);
    expect(run.result).toMatchObject({ subtype: "success", num_turns: 2 });
  });
});
