import { describe, expect, it } from "vitest";
import { parseAction, WorkflowError } from "./index.ts";

describe("parseAction", () => {
  it("reads a node action with inputs, outputs, pre and post", () => {
    const manifest = parseAction(
      `
name: HavunCore agent
description: Runs Claude Code on a sub-issue
author: havun
inputs:
  anthropic-api-key:
    description: API key
    required: true
  max-turns:
    description: Turn budget
    default: 40
  legacy:
    deprecationMessage: use max-turns
outputs:
  pr-number:
    description: The pull request opened
runs:
  using: node20
  main: dist/index.js
  post: dist/cleanup.js
  post-if: always()
branding:
  icon: cpu
  color: blue
`,
      "action/action.yml",
    );
    expect(manifest).toStrictEqual({
      file: "action/action.yml",
      name: "HavunCore agent",
      description: "Runs Claude Code on a sub-issue",
      inputs: {
        "anthropic-api-key": { required: true, description: "API key" },
        "max-turns": { required: false, description: "Turn budget", default: "40" },
        legacy: { required: false, deprecationMessage: "use max-turns" },
      },
      outputs: { "pr-number": { description: "The pull request opened" } },
      runs: { using: "node20", main: "dist/index.js", post: "dist/cleanup.js", postIf: "always()" },
    });
  });

  it("reads a composite action with output values and steps", () => {
    const manifest = parseAction(
      `
name: setup
inputs:
  version: { default: '20' }
outputs:
  cache-hit:
    value: \${{ steps.cache.outputs.hit }}
runs:
  using: composite
  steps:
    - id: cache
      run: echo hit=true >> "$GITHUB_OUTPUT"
      shell: bash
    - uses: ./other
      with: { a: 1 }
`,
      "setup/action.yml",
    );
    expect(manifest.outputs).toStrictEqual({
      "cache-hit": { value: "${{ steps.cache.outputs.hit }}" },
    });
    expect(manifest.runs).toStrictEqual({
      using: "composite",
      steps: [
        {
          index: 0,
          id: "cache",
          run: 'echo hit=true >> "$GITHUB_OUTPUT"',
          shell: "bash",
          with: {},
          env: {},
        },
        { index: 1, uses: "./other", with: { a: "1" }, env: {} },
      ],
    });
  });

  it.each([
    [
      "docker actions",
      "name: d\nruns:\n  using: docker\n  image: Dockerfile\n",
      "runs.using",
      "'using: docker' is not supported",
    ],
    [
      "old node runtimes",
      "name: d\nruns:\n  using: node16\n  main: x.js\n",
      "runs.using",
      "'using: node16' is not supported",
    ],
    [
      "a node action without main",
      "name: d\nruns:\n  using: node20\n",
      "runs",
      "a node20 action needs 'main'",
    ],
    [
      "a composite run step without shell",
      "name: d\nruns:\n  using: composite\n  steps:\n    - run: echo\n",
      "runs.steps[0]",
      "must set 'shell'",
    ],
    [
      "a composite output without value",
      "name: d\noutputs:\n  o: { description: x }\nruns:\n  using: composite\n  steps: []\n",
      "outputs.o",
      "needs 'value'",
    ],
    ["an unknown top-level key", "name: d\nrun:\n  using: node20\n", "", "unknown key 'run'"],
    ["a missing name", "runs:\n  using: node20\n  main: x.js\n", "", "needs 'name'"],
  ])("refuses %s", (_what, yaml, path, problem) => {
    let error: unknown;
    try {
      parseAction(yaml, "a/action.yml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkflowError);
    const e = error as WorkflowError;
    expect(e.file).toBe("a/action.yml");
    expect(e.path).toBe(path);
    expect(e.message).toContain(problem);
  });
});
