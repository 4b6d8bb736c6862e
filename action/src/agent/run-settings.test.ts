import { describe, expect, it } from "vitest";
import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import { claudeArgs, toolNames } from "./claude-code.ts";
import { DEFAULT_TOOLS, runSettings } from "./run-settings.ts";

const spec = (agent?: TaskSpec["agent"]): TaskSpec =>
  ({
    v: 1,
    hub: "acme/hub",
    hub_issue: 4,
    attempt: 1,
    task: { id: "t" },
    ...(agent ? { agent } : {}),
  }) as unknown as TaskSpec;

describe("a run's settings", () => {
  it("come from the task's agent: model, fallback, limits, tools and instructions", () => {
    const s = runSettings(
      spec({
        name: "reviewer",
        model: "claude-opus-5-5",
        fallback_model: "claude-sonnet-5-5",
        max_turns: 12,
        budget_usd: 2,
        allowed_tools: ["Read", "Bash(git diff:*)", "Bash(git log:*)"],
        produces: "review",
        reviews: "api",
        instructions: "Be thorough.",
      }),
      "Read,Edit,Write",
    );
    expect(s).toEqual({
      model: "claude-opus-5-5",
      fallback: { from: "claude-opus-5-5", to: "claude-sonnet-5-5" },
      maxTurns: 12,
      budgetUsd: 2,
      allowedTools: ["Read", "Bash(git diff:*)", "Bash(git log:*)"],
      tools: ["Read", "Bash"],
      instructions: "Be thorough.",
      agent: "reviewer",
      reviews: "api",
    });
    const args = claudeArgs({ prompt: "p", ...s });
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after("--model")).toBe("claude-opus-5-5");
    expect(after("--tools")).toBe("Read,Bash");
    expect(after("--allowedTools")).toBe("Read,Bash(git diff:*),Bash(git log:*)");
    expect(after("--append-system-prompt")).toBe("Be thorough.");
    expect(after("--max-turns")).toBe("12");
    // The proxy falls back, not Claude Code: it knows when and tells the pull request.
    expect(args).not.toContain("--fallback-model");
  });

  it("without an agent's tools: the workflow's allowed-tools, else HavunCore's set, all tools offered", () => {
    const own = runSettings(spec({ model: "m", max_turns: 5, budget_usd: 1 }), "Read, Edit");
    expect(own.allowedTools).toEqual(["Read", "Edit"]);
    expect(own.tools).toBeUndefined();
    expect(own.fallback).toBeNull();
    expect(runSettings(spec(), "").allowedTools).toEqual(DEFAULT_TOOLS.split(","));
    expect(runSettings(spec(), "")).toMatchObject({ model: "claude-sonnet-5-5", reviews: null });
    expect(claudeArgs({ prompt: "p", ...runSettings(spec(), "") })).not.toContain("--tools");
  });

  it("name each tool once, without its pattern", () => {
    expect(toolNames(["Bash(npm test:*)", "Read", "Bash(node:*)", "Edit"])).toEqual([
      "Bash",
      "Read",
      "Edit",
    ]);
  });
});
