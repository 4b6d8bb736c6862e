import { describe, expect, it } from "vitest";
import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import type { RunResultFile } from "../shared/run-files.ts";
import { buildPrompt } from "../agent/prompt.ts";
import { pullBody } from "./pull-body.ts";
import { reviewBody } from "./review-publish.ts";

const result = (o: Partial<RunResultFile> = {}): RunResultFile => ({
  v: 1,
  conclusion: "success",
  summary: "Looks good.",
  tail: "",
  cost_usd: 0.42,
  turns: 3,
  input_tokens: 10,
  output_tokens: 5,
  duration_ms: 1,
  files: [],
  steps: [],
  tools: {},
  branch: "havun/4-api",
  base_sha: "a".repeat(40),
  ...o,
});
const spec = {
  v: 1,
  hub: "acme/hub",
  hub_issue: 4,
  attempt: 1,
  task: {
    id: "api",
    title: "API",
    repo: "acme/api",
    kind: "implementation",
    priority: "high",
    dependencies: [],
    instructions: ["Add it"],
    acceptance: ["It works"],
    secrets: [],
    snippets: [],
    contracts: [],
    estimate_minutes: 30,
  },
} as TaskSpec;

describe("a reviewer's review", () => {
  it("shows the findings inert, says which agent wrote it, and carries the App's signed marker", () => {
    const body = reviewBody({
      result: result({
        agent: "reviewer",
        model: "claude-opus-5-5",
        summary: "Fixes #12 @team <!-- havun:cost x -->\n- [x] `src/a.js:3` unchecked input",
      }),
      taskId: "api-review",
      hub: "acme/hub",
      hubIssue: 4,
      issue: "acme/api#9",
      runUrl: "https://example.test/run",
      costMarker: "<!-- havun:cost issue=acme/api#9 attempt=1 round=0 usd=0.4200 sig=s -->",
    });
    expect(body).toMatch(/^### Review by HavunCore's `reviewer` agent\n/);
    expect(body).toContain("Task **api-review** of acme/hub#4 (acme/api#9).");
    expect(body).not.toContain("@team");
    // The agent's words sit in a fenced text block: no checklist, mention or marker forms.
    const fenced = /\n(`{3,})text\n([\s\S]*?)\n\1\n/.exec(body);
    expect(fenced?.[2]).toContain("- [x] `src/a.js:3` unchecked input");
    expect(body.replace(fenced![0], "")).not.toContain("- [x]");
    expect(body.match(/<!-- havun:cost/g)).toHaveLength(1);
    expect(body.endsWith("usd=0.4200 sig=s -->")).toBe(true);
  });

  it("is asked for in the prompt: the branch under review and no changes", () => {
    const prompt = buildPrompt({
      spec,
      issueUrl: "u",
      claudeMd: null,
      notes: [],
      secretNames: [],
      review: { task: "api", branch: "havun/4-api", base: "origin/main", diffStat: " a.js | 2 +" },
    });
    expect(prompt).toContain(
      "## Review the pull request of task api\nIts branch havun/4-api is checked out; `git diff origin/main...HEAD` shows what it changes. Do not edit, create or delete files: your review is your final reply.",
    );
    expect(prompt).toContain("reply with the review: a one-line verdict");
    expect(prompt).not.toContain("Edit files directly");
  });
});

describe("the pull request of a run that fell back", () => {
  it("says which agent and model ran it, and that the proxy switched models", () => {
    const body = pullBody({
      repo: "acme/api",
      issue: 9,
      spec,
      result: result({
        agent: "backend",
        model: "claude-opus-5-5",
        fallback: { from: "claude-opus-5-5", to: "claude-sonnet-5-5", after: 3, at: 4 },
      }),
      runUrl: "u",
      costMarker: "<!-- m -->",
      previous: null,
    });
    expect(body).toContain(
      "implemented by Claude Code as the `backend` agent on `claude-opus-5-5`.",
    );
    expect(body).toContain(
      "> `claude-opus-5-5` answered overloaded or rate limited 3 times in a row, so from model request 4 on this run used the agent's fallback model `claude-sonnet-5-5`.",
    );
    expect(body).toContain("<summary>Attempt 1: claude-opus-5-5 → claude-sonnet-5-5, 0 file(s)");
  });
});
