import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { transcriptMarkdown } from "../../dashboard/transcript/markdown.ts";
import { readTranscript, toolSummary } from "../../dashboard/transcript/turns.ts";
import { renderRun } from "../../dashboard/views/run.ts";

/** A real Claude Code 2.1.329 stream-json transcript (one API retry, a Write, a closing text). */
const FIXTURE = readFileSync(
  new URL("../../action/src/agent/fixtures/claude-code-stream.jsonl", import.meta.url),
  "utf8",
);

/** A transcript whose agent writes hostile text: markup, mentions, closing keywords, markers. */
const HOSTILE = [
  { type: "system", subtype: "init", cwd: "/w", session_id: "s", tools: [], model: "m" },
  {
    type: "assistant",
    message: {
      id: "msg_1",
      content: [
        {
          type: "text",
          text: "<script>alert(1)</script> @octocat Closes acme/hub#1 <!-- havun:cost x -->",
        },
        { type: "tool_use", id: "tu_1", name: "Bash", input: { command: "cat /w/secret.txt" } },
      ],
      usage: { input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 90 },
    },
  },
  {
    type: "user",
    message: {
      content: [
        {
          type: "tool_result",
          tool_use_id: "tu_1",
          content: "```\n</details><img src=x>",
          is_error: true,
        },
      ],
    },
  },
  {
    type: "result",
    subtype: "success",
    is_error: false,
    num_turns: 1,
    total_cost_usd: 0.01,
    usage: { input_tokens: 10, output_tokens: 5 },
    result: "done @octocat",
  },
]
  .map((e) => JSON.stringify(e))
  .join("\n");

describe("a transcript, step by step", () => {
  it("reads Claude Code's stream-json into turns with their tokens, tool calls and results", () => {
    const t = readTranscript(FIXTURE);
    expect(t.model).toBe("claude-sonnet-4-5");
    expect(t.version).toBe("2.1.329");
    expect(t.turns).toHaveLength(2);
    const [first, second] = t.turns;
    expect(first!.usage).toEqual({ input: 0, output: 1, cacheRead: 0, cacheWrite: 21607 });
    expect(first!.blocks).toEqual([
      {
        kind: "tool",
        id: "toolu_01qZxW2EuOD86xjPLRZ7c3FD",
        name: "Write",
        input: { file_path: "hello.txt", content: "hello after a retry\n" },
        result: {
          text: expect.stringContaining("File created successfully at: hello.txt"),
          isError: false,
        },
      },
    ]);
    expect(second!.blocks).toEqual([{ kind: "text", text: "Wrote hello.txt." }]);
    expect(t.retries).toHaveLength(1);
    expect(t.result).toMatchObject({ subtype: "success", isError: false, turns: 2 });
    expect(t.result!.costUsd).toBeCloseTo(0.0884, 4);
    expect(
      toolSummary("Write", first!.blocks[0]!.kind === "tool" ? first!.blocks[0]!.input : {}),
    ).toBe("Write hello.txt");
  });

  it("renders as Markdown in which nothing the agent wrote can act (fenced, neutralised)", () => {
    const md = transcriptMarkdown(readTranscript(HOSTILE), {
      title: "Transcript of run 7",
      runUrl: "https://github.com/acme/api/actions/runs/7",
      result: null,
    });
    expect(md).toContain("## Turn 1 · 100 in (90 cached) / 5 out");
    expect(md).toContain("**Tool** ");
    expect(md).toContain("<details><summary>Error</summary>");
    // No live mention, closing keyword or marker survives outside a fence.
    const outside = md.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, "");
    expect(outside).not.toMatch(/@octocat|Closes acme|havun:cost|<script>|<img/);
    expect(md).not.toContain("<!-- havun:cost");
  });

  it("renders as HTML with the agent's text escaped", () => {
    const page = renderRun({
      hub: { number: 12, title: "Installments" },
      task: { id: "api", repo: "acme/api" },
      run: {
        repo: "acme/api",
        id: 7,
        url: "https://github.com/acme/api/actions/runs/7",
        attempt: 1,
        round: null,
        status: "completed",
        conclusion: "success",
        createdAt: "2026-01-01T10:00:00Z",
        startedAt: "2026-01-01T10:00:00Z",
        updatedAt: "2026-01-01T10:01:00Z",
        durationMs: 60_000,
      },
      artifact: { ok: true, result: null, transcript: HOSTILE, url: "u" },
      transcript: readTranscript(HOSTILE),
    }).main.value;
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain('class="tool tool-error"');
    expect(page).toContain('href="/12/tasks/api/runs/7/transcript.md"');
  });
});
