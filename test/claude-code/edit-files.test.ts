import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenarioFile, startModelServer, type ModelServer } from "../../sandbox/model/index.ts";
import { runClaudeCode, type ClaudeRun } from "./run-claude.ts";
import { createGitWorkspace, type GitWorkspace } from "./workspace.ts";

const SCENARIO = join(import.meta.dirname, "scenarios/edit-files.yaml");

describe("the real Claude Code CLI against the scripted model", () => {
  let model: ModelServer;
  let ws: GitWorkspace;
  let run: ClaudeRun;

  beforeAll(async () => {
    model = await startModelServer({ scenarios: [loadScenarioFile(SCENARIO)] });
    ws = createGitWorkspace({ "notes.txt": "title: launch\nstatus: draft\n" });
    run = await runClaudeCode({
      cwd: ws.dir,
      prompt: "HAVUN-TASK-EDIT: mark the notes as done and write a summary",
      baseUrl: model.baseUrl,
      maxTurns: 8,
      allowedTools: ["Read", "Edit", "Write", "Bash(git status:*)"],
    });
  });

  afterAll(async () => {
    await model?.stop();
    ws?.cleanup();
  });

  it("reads, edits, writes and runs git status in the workspace", () => {
    expect(run.exitCode, run.stderr).toBe(0);
    expect(ws.read("notes.txt")).toBe("title: launch\nstatus: done\n");
    expect(ws.read("summary.md")).toBe("# Summary\n\nThe notes are done.\n");
    expect(ws.git("status", "--short")).toBe(" M notes.txt\n?? summary.md\n");
  });

  it("reports each step in stream-json", () => {
    expect(run.stray).toEqual([]);
    expect(run.init).toMatchObject({ cwd: ws.dir, model: "claude-sonnet-4-5" });
    expect(run.init?.tools).toEqual(expect.arrayContaining(["Read", "Edit", "Write", "Bash"]));
    expect(run.toolUses.map((t) => t.name)).toEqual(["Read", "Edit", "Write", "Bash"]);
    expect(run.toolUses[0]?.input).toEqual({ file_path: join(ws.dir, "notes.txt") });
    expect(run.toolUses.every((t) => /^toolu_01\w{22}$/.test(t.id))).toBe(true);
    expect(run.toolResults.map((r) => r.toolUseId)).toEqual(run.toolUses.map((t) => t.id));
    expect(run.toolResults.some((r) => r.isError)).toBe(false);
    expect(run.toolResults[0]?.text).toContain("status: draft");
    expect(run.toolResults[3]?.text).toContain("?? summary.md");
    expect(run.texts.at(-1)).toMatch(/^Done: notes.txt now says done/);
  });

  it("ends with a result whose usage is what the scripted API reported", () => {
    const summary = model.recorder.summary();
    expect(run.result).toMatchObject({
      subtype: "success",
      is_error: false,
      num_turns: 5,
      result: run.texts.at(-1),
    });
    expect(run.result?.total_cost_usd).toBeGreaterThan(0);
    expect(run.result?.usage).toMatchObject({
      input_tokens: summary.inputTokens,
      output_tokens: summary.outputTokens,
      cache_read_input_tokens: summary.cacheReadTokens,
      cache_creation_input_tokens: summary.cacheWriteTokens,
    });
    expect(summary.cacheReadTokens).toBeGreaterThan(summary.cacheWriteTokens);
  });

  it("streams one request a turn, offering the tools, with caching markers", () => {
    const turns = model.recorder.forScenario("edit-files");
    expect(turns.map((r) => [r.turn, r.outcome, r.status])).toEqual(
      [0, 1, 2, 3, 4].map((t) => [t, "scenario", 200]),
    );
    for (const r of turns) {
      expect(r).toMatchObject({ path: "/v1/messages", beta: true, stream: true });
      expect(r.model).toBe("claude-sonnet-4-5");
      expect(r.tools).toEqual(expect.arrayContaining(["Read", "Edit", "Write", "Bash"]));
      expect(r.cacheControlBlocks).toBeGreaterThan(0);
      expect(r.headers).toMatchObject({
        credential: "x-api-key",
        "anthropic-version": "2023-06-01",
      });
      expect(r.headers["user-agent"]).toMatch(/^claude-cli\/2\.1\.329/);
    }
    expect(turns.map((r) => r.messageCount)).toEqual([1, 3, 5, 7, 9]);
  });
});
