import { describe, expect, it } from "vitest";
import { matchTrigger, parseWorkflow, type TriggerEvent } from "./index.ts";

const jobs = "jobs:\n  j:\n    runs-on: x\n    steps: [{ run: 'true' }]\n";
const wf = (on: string, file = ".github/workflows/w.yml") =>
  parseWorkflow(`on:\n${on}${jobs}`, file);
const hits = (w: ReturnType<typeof wf>, e: TriggerEvent) => matchTrigger(w, e) !== null;

describe("matchTrigger: issues and comments", () => {
  const agent = wf("  issues:\n    types: [labeled]\n");

  it("matches the listed activity types only", () => {
    expect(matchTrigger(agent, { name: "issues", action: "labeled" })).toStrictEqual({
      event: "issues",
      types: ["labeled"],
    });
    expect(hits(agent, { name: "issues", action: "opened" })).toBe(false);
    expect(hits(agent, { name: "issues" })).toBe(false);
    expect(hits(agent, { name: "issue_comment", action: "created" })).toBe(false);
  });

  it("matches every type when none are listed", () => {
    const all = wf("  issues:\n  issue_comment:\n    types: [created, edited]\n");
    expect(hits(all, { name: "issues", action: "closed" })).toBe(true);
    expect(hits(all, { name: "issue_comment", action: "edited" })).toBe(true);
    expect(hits(all, { name: "issue_comment", action: "deleted" })).toBe(false);
  });
});

describe("matchTrigger: push", () => {
  const ci = wf(
    "  push:\n    branches: [main, 'release/**', '!release/**-rc']\n    paths: ['src/**', '!src/**/*.md']\n",
  );

  it.each<[string, TriggerEvent, boolean]>([
    [
      "main, source change",
      { name: "push", ref: "refs/heads/main", changedPaths: ["src/a.ts"] },
      true,
    ],
    [
      "main, only docs in src",
      { name: "push", ref: "refs/heads/main", changedPaths: ["src/x/README.md"] },
      false,
    ],
    [
      "main, mixed",
      { name: "push", ref: "refs/heads/main", changedPaths: ["src/x/README.md", "src/b.ts"] },
      true,
    ],
    [
      "main, outside src",
      { name: "push", ref: "refs/heads/main", changedPaths: ["README.md"] },
      false,
    ],
    ["main, changes unknown", { name: "push", ref: "refs/heads/main" }, true],
    [
      "release branch",
      { name: "push", ref: "refs/heads/release/1.0", changedPaths: ["src/a.ts"] },
      true,
    ],
    [
      "excluded rc branch",
      { name: "push", ref: "refs/heads/release/1.0-rc", changedPaths: ["src/a.ts"] },
      false,
    ],
    [
      "other branch",
      { name: "push", ref: "refs/heads/feature/x", changedPaths: ["src/a.ts"] },
      false,
    ],
    ["a tag (branch filters only)", { name: "push", ref: "refs/tags/v1" }, false],
    ["no ref", { name: "push" }, false],
  ])("%s → %s", (_what, event, want) => expect(hits(ci, event)).toBe(want));

  it("without filters, matches every branch and tag", () => {
    const any = wf("  push:\n");
    expect(hits(any, { name: "push", ref: "refs/heads/x" })).toBe(true);
    expect(hits(any, { name: "push", ref: "refs/tags/v1" })).toBe(true);
  });

  it("applies tags filters to tags only, and ignores paths for tags", () => {
    const tags = wf("  push:\n    tags: ['v*']\n    paths: [src/**]\n");
    expect(hits(tags, { name: "push", ref: "refs/tags/v1.2", changedPaths: ["docs/a"] })).toBe(
      true,
    );
    expect(hits(tags, { name: "push", ref: "refs/tags/nightly" })).toBe(false);
    expect(hits(tags, { name: "push", ref: "refs/heads/main", changedPaths: ["src/a"] })).toBe(
      false,
    );
    const both = wf("  push:\n    branches: [main]\n    tags-ignore: ['*-rc']\n");
    expect(hits(both, { name: "push", ref: "refs/tags/v1" })).toBe(true);
    expect(hits(both, { name: "push", ref: "refs/tags/v1-rc" })).toBe(false);
    expect(hits(both, { name: "push", ref: "refs/heads/main" })).toBe(true);
  });

  it("branches-ignore and paths-ignore", () => {
    const ignore = wf(
      "  push:\n    branches-ignore: ['dependabot/**']\n    paths-ignore: ['docs/**', '**.md']\n",
    );
    expect(hits(ignore, { name: "push", ref: "refs/heads/main", changedPaths: ["src/a.ts"] })).toBe(
      true,
    );
    expect(
      hits(ignore, { name: "push", ref: "refs/heads/dependabot/npm/x", changedPaths: ["src/a"] }),
    ).toBe(false);
    expect(
      hits(ignore, {
        name: "push",
        ref: "refs/heads/main",
        changedPaths: ["docs/a", "CHANGES.md"],
      }),
    ).toBe(false);
    expect(
      hits(ignore, { name: "push", ref: "refs/heads/main", changedPaths: ["docs/a", "src/b"] }),
    ).toBe(true);
    expect(hits(ignore, { name: "push", ref: "refs/heads/main", changedPaths: [] })).toBe(false);
  });
});

describe("matchTrigger: pull_request", () => {
  const pr = wf("  pull_request:\n    branches: [main]\n    paths-ignore: ['docs/**']\n");

  it.each<[string, TriggerEvent, boolean]>([
    [
      "opened against main",
      { name: "pull_request", action: "opened", baseRef: "main", changedPaths: ["a.ts"] },
      true,
    ],
    [
      "base as a full ref",
      { name: "pull_request", action: "synchronize", baseRef: "refs/heads/main" },
      true,
    ],
    ["reopened", { name: "pull_request", action: "reopened", baseRef: "main" }, true],
    [
      "closed is not a default type",
      { name: "pull_request", action: "closed", baseRef: "main" },
      false,
    ],
    [
      "labeled is not a default type",
      { name: "pull_request", action: "labeled", baseRef: "main" },
      false,
    ],
    ["against another base", { name: "pull_request", action: "opened", baseRef: "develop" }, false],
    [
      "docs only",
      { name: "pull_request", action: "opened", baseRef: "main", changedPaths: ["docs/x.md"] },
      false,
    ],
    [
      "the head branch does not count",
      { name: "pull_request", action: "opened", ref: "refs/heads/main", baseRef: "feature" },
      false,
    ],
  ])("%s → %s", (_what, event, want) => expect(hits(pr, event)).toBe(want));

  it("honours explicit types", () => {
    const closed = wf("  pull_request:\n    types: [closed]\n");
    expect(hits(closed, { name: "pull_request", action: "closed", baseRef: "main" })).toBe(true);
    expect(hits(closed, { name: "pull_request", action: "opened", baseRef: "main" })).toBe(false);
  });
});

describe("matchTrigger: dispatch, call, schedule", () => {
  const w = wf(
    "  workflow_dispatch:\n  repository_dispatch:\n    types: [havun-task]\n  workflow_call:\n  schedule:\n    - cron: '* * * * *'\n",
    ".github/workflows/agent.yml",
  );

  it("workflow_dispatch matches its own file only", () => {
    expect(hits(w, { name: "workflow_dispatch" })).toBe(true);
    expect(hits(w, { name: "workflow_dispatch", workflowFile: "agent.yml" })).toBe(true);
    expect(
      hits(w, { name: "workflow_dispatch", workflowFile: ".github/workflows/agent.yml" }),
    ).toBe(true);
    expect(hits(w, { name: "workflow_dispatch", workflowFile: "ci.yml" })).toBe(false);
  });

  it("repository_dispatch matches its event types", () => {
    expect(hits(w, { name: "repository_dispatch", action: "havun-task" })).toBe(true);
    expect(hits(w, { name: "repository_dispatch", action: "other" })).toBe(false);
  });

  it("workflow_call matches; schedule never does; unlisted events do not", () => {
    expect(hits(w, { name: "workflow_call" })).toBe(true);
    expect(hits(w, { name: "schedule" })).toBe(false);
    expect(hits(w, { name: "push", ref: "refs/heads/main" })).toBe(false);
  });

  it("workflow_run matches by workflow name and type", () => {
    const run = wf(
      "  workflow_run:\n    workflows: [CI]\n    types: [completed]\n    branches: [main]\n",
    );
    expect(
      hits(run, { name: "workflow_run", action: "completed", workflowName: "CI", ref: "main" }),
    ).toBe(true);
    expect(
      hits(run, { name: "workflow_run", action: "completed", workflowName: "Lint", ref: "main" }),
    ).toBe(false);
    expect(
      hits(run, { name: "workflow_run", action: "completed", workflowName: "CI", ref: "dev" }),
    ).toBe(false);
  });

  it("returns the first matching trigger", () => {
    const two = parseWorkflow(`on: [push, workflow_dispatch]\n${jobs}`, "x.yml");
    expect(matchTrigger(two, { name: "workflow_dispatch" })).toStrictEqual({
      event: "workflow_dispatch",
    });
  });
});
