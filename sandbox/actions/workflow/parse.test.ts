import { describe, expect, it } from "vitest";
import { parseWorkflow } from "./index.ts";

const AGENT = `
name: HavunCore agent
on:
  issues:
    types: [labeled]
permissions:
  contents: write
  issues: write
  pull-requests: write
concurrency:
  group: agent-\${{ github.event.issue.number }}
  cancel-in-progress: false
jobs:
  implement:
    if: github.event.label.name == 'havun:ready'
    runs-on: ubuntu-latest
    timeout-minutes: 30
    env:
      TASK: \${{ github.event.issue.number }}
      DEBUG: false
      RETRIES: 3
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - id: agent
        name: Run the agent
        uses: ./action
        with:
          anthropic-api-key: \${{ secrets.ANTHROPIC_API_KEY }}
          max-turns: 40
      - name: Report
        if: \${{ failure() }}
        run: |
          echo "agent failed"
          exit 1
        shell: bash
        continue-on-error: true
`;

describe("parseWorkflow: the agent workflow", () => {
  const wf = parseWorkflow(AGENT, ".github/workflows/agent.yml");

  it("reads name, trigger, permissions and concurrency", () => {
    expect(wf.file).toBe(".github/workflows/agent.yml");
    expect(wf.name).toBe("HavunCore agent");
    expect(wf.on).toStrictEqual([{ event: "issues", types: ["labeled"] }]);
    expect(wf.permissions).toStrictEqual({
      contents: "write",
      issues: "write",
      "pull-requests": "write",
    });
    expect(wf.concurrency).toStrictEqual({
      group: "agent-${{ github.event.issue.number }}",
      cancelInProgress: false,
    });
  });

  it("reads the job with its condition, env as text, and steps", () => {
    const job = wf.jobs.implement!;
    expect(job.id).toBe("implement");
    expect(job.if).toBe("github.event.label.name == 'havun:ready'");
    expect(job.runsOn).toBe("ubuntu-latest");
    expect(job.timeoutMinutes).toBe(30);
    expect(job.needs).toStrictEqual([]);
    expect(job.env).toStrictEqual({
      TASK: "${{ github.event.issue.number }}",
      DEBUG: "false",
      RETRIES: "3",
    });
    expect(job.steps).toStrictEqual([
      { index: 0, uses: "actions/checkout@v4", with: { "fetch-depth": "0" }, env: {} },
      {
        index: 1,
        id: "agent",
        name: "Run the agent",
        uses: "./action",
        with: { "anthropic-api-key": "${{ secrets.ANTHROPIC_API_KEY }}", "max-turns": "40" },
        env: {},
      },
      {
        index: 2,
        name: "Report",
        if: "${{ failure() }}",
        run: 'echo "agent failed"\nexit 1\n',
        shell: "bash",
        continueOnError: true,
        with: {},
        env: {},
      },
    ]);
  });
});

const CI = `
name: CI
on:
  push:
    branches: [main, 'release/**']
    paths: ['src/**', '!src/**/*.md', package.json]
  pull_request:
    branches: [main]
    paths-ignore: ['docs/**', '**.md']
  workflow_dispatch:
env:
  CI: true
defaults:
  run:
    shell: bash
    working-directory: app
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: npm run lint
  test:
    needs: lint
    runs-on: \${{ matrix.os }}
    strategy:
      fail-fast: false
      max-parallel: 2
      matrix:
        os: [ubuntu-latest, macos-latest]
        node: [20, 22]
        exclude:
          - os: macos-latest
            node: 20
        include:
          - os: ubuntu-latest
            node: 24
            experimental: true
    continue-on-error: \${{ matrix.experimental == true }}
    outputs:
      coverage: \${{ steps.cov.outputs.pct }}
    steps:
      - run: npm test
        working-directory: app/sub
      - id: cov
        run: echo pct=90 >> "$GITHUB_OUTPUT"
  release:
    needs: [lint, test]
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    permissions: read-all
    concurrency: release
    steps:
      - run: echo release
`;

describe("parseWorkflow: a CI workflow", () => {
  const wf = parseWorkflow(CI, ".github/workflows/ci.yml");

  it("reads push and pull_request filters, with GitHub's default PR types", () => {
    expect(wf.on).toStrictEqual([
      {
        event: "push",
        branches: ["main", "release/**"],
        paths: ["src/**", "!src/**/*.md", "package.json"],
      },
      {
        event: "pull_request",
        types: ["opened", "synchronize", "reopened"],
        branches: ["main"],
        pathsIgnore: ["docs/**", "**.md"],
      },
      { event: "workflow_dispatch" },
    ]);
  });

  it("reads env, defaults, needs, outputs, strategy and job-level settings", () => {
    expect(wf.env).toStrictEqual({ CI: "true" });
    expect(wf.defaults).toStrictEqual({ run: { shell: "bash", workingDirectory: "app" } });
    const test = wf.jobs.test!;
    expect(test.needs).toStrictEqual(["lint"]);
    expect(test.continueOnError).toBe("${{ matrix.experimental == true }}");
    expect(test.outputs).toStrictEqual({ coverage: "${{ steps.cov.outputs.pct }}" });
    expect(test.strategy).toStrictEqual({
      matrix: { os: ["ubuntu-latest", "macos-latest"], node: [20, 22] },
      exclude: [{ os: "macos-latest", node: 20 }],
      include: [{ os: "ubuntu-latest", node: 24, experimental: true }],
      failFast: false,
      maxParallel: 2,
    });
    expect(test.steps[0]!.workingDirectory).toBe("app/sub");
    const release = wf.jobs.release!;
    expect(release.needs).toStrictEqual(["lint", "test"]);
    expect(release.permissions).toBe("read-all");
    expect(release.concurrency).toStrictEqual({ group: "release", cancelInProgress: false });
  });
});

describe("parseWorkflow: reusable workflows", () => {
  it("reads a caller with secrets: inherit and typed with: values", () => {
    const wf = parseWorkflow(
      `
on: [push, pull_request]
jobs:
  plan:
    runs-on: ubuntu-latest
    steps: [{ run: echo plan }]
  call-local:
    needs: plan
    uses: ./.github/workflows/deploy.yml
    with:
      environment: staging
      dry-run: true
      replicas: 2
    secrets: inherit
  call-remote:
    uses: havun/hub/.github/workflows/agent.yml@v1
    secrets:
      token: \${{ secrets.HUB_TOKEN }}
`,
      ".github/workflows/caller.yml",
    );
    expect(wf.name).toBe(".github/workflows/caller.yml");
    expect(wf.on).toStrictEqual([
      { event: "push" },
      { event: "pull_request", types: ["opened", "synchronize", "reopened"] },
    ]);
    expect(wf.jobs["call-local"]).toStrictEqual({
      id: "call-local",
      needs: ["plan"],
      env: {},
      outputs: {},
      steps: [],
      uses: "./.github/workflows/deploy.yml",
      with: { environment: "staging", "dry-run": true, replicas: 2 },
      secrets: "inherit",
    });
    expect(wf.jobs["call-remote"]!.secrets).toStrictEqual({ token: "${{ secrets.HUB_TOKEN }}" });
  });

  it("reads the called workflow's workflow_call inputs, secrets and outputs", () => {
    const wf = parseWorkflow(
      `
on:
  workflow_call:
    inputs:
      environment: { type: string, required: true, description: Where }
      dry-run: { type: boolean, default: false }
      replicas: { type: number, default: 1 }
    secrets:
      token: { required: true }
      optional:
    outputs:
      url:
        description: The deployed URL
        value: \${{ jobs.deploy.outputs.url }}
jobs:
  deploy:
    runs-on: ubuntu-latest
    outputs:
      url: \${{ steps.d.outputs.url }}
    steps: [{ id: d, run: echo url=x >> $GITHUB_OUTPUT }]
`,
      ".github/workflows/deploy.yml",
    );
    expect(wf.on).toStrictEqual([
      {
        event: "workflow_call",
        inputs: {
          environment: { type: "string", required: true, description: "Where" },
          "dry-run": { type: "boolean", required: false, default: false },
          replicas: { type: "number", required: false, default: 1 },
        },
        secrets: { token: { required: true }, optional: {} },
        outputs: {
          url: { value: "${{ jobs.deploy.outputs.url }}", description: "The deployed URL" },
        },
      },
    ]);
  });
});

describe("parseWorkflow: triggers", () => {
  const jobs = "jobs:\n  j:\n    runs-on: x\n    steps: [{ run: 'true' }]\n";

  it("accepts on: as a string, a list and a map", () => {
    expect(parseWorkflow(`on: push\n${jobs}`, "a.yml").on).toStrictEqual([{ event: "push" }]);
    expect(parseWorkflow(`on: [push, issues]\n${jobs}`, "a.yml").on).toStrictEqual([
      { event: "push" },
      { event: "issues" },
    ]);
    expect(
      parseWorkflow(`on:\n  issue_comment:\n    types: created\n${jobs}`, "a.yml").on,
    ).toStrictEqual([{ event: "issue_comment", types: ["created"] }]);
  });

  it("reads `on` as a key (YAML 1.2), and a `true` key left by YAML 1.1 tools", () => {
    expect(parseWorkflow(`"on": push\n${jobs}`, "a.yml").on).toStrictEqual([{ event: "push" }]);
    expect(parseWorkflow(`true: push\n${jobs}`, "a.yml").on).toStrictEqual([{ event: "push" }]);
  });

  it("reads workflow_dispatch inputs of every type", () => {
    const wf = parseWorkflow(
      `
on:
  workflow_dispatch:
    inputs:
      task: { description: Task, required: true }
      level:
        type: choice
        options: [info, debug]
        default: info
      dry: { type: boolean, default: 'true' }
      count: { type: number, default: '3' }
      env: { type: environment }
${jobs}`,
      "d.yml",
    );
    expect(wf.on[0]!.inputs).toStrictEqual({
      task: { type: "string", required: true, description: "Task" },
      level: { type: "choice", required: false, options: ["info", "debug"], default: "info" },
      dry: { type: "boolean", required: false, default: true },
      count: { type: "number", required: false, default: 3 },
      env: { type: "environment", required: false },
    });
  });

  it("reads repository_dispatch types, schedule, tags and workflow_run", () => {
    const wf = parseWorkflow(
      `
on:
  repository_dispatch:
    types: [havun-dispatch]
  schedule:
    - cron: '0 3 * * *'
  push:
    tags: ['v*']
  workflow_run:
    workflows: [CI]
    types: [completed]
${jobs}`,
      "x.yml",
    );
    expect(wf.on).toStrictEqual([
      { event: "repository_dispatch", types: ["havun-dispatch"] },
      { event: "schedule", cron: ["0 3 * * *"] },
      { event: "push", tags: ["v*"] },
      { event: "workflow_run", types: ["completed"], workflows: ["CI"] },
    ]);
  });

  it("supports YAML anchors and merge keys", () => {
    const wf = parseWorkflow(
      `
on: push
jobs:
  a:
    runs-on: x
    env: &common
      A: "1"
    steps: &steps
      - run: echo a
  b:
    runs-on: x
    env:
      <<: *common
      B: "2"
    steps: *steps
`,
      "anchors.yml",
    );
    expect(wf.jobs.b!.env).toStrictEqual({ A: "1", B: "2" });
    expect(wf.jobs.b!.steps).toStrictEqual(wf.jobs.a!.steps);
  });

  it("reads permissions {} as no permissions and write-all as is", () => {
    expect(parseWorkflow(`on: push\npermissions: {}\n${jobs}`, "p.yml").permissions).toStrictEqual(
      {},
    );
    expect(parseWorkflow(`on: push\npermissions: write-all\n${jobs}`, "p.yml").permissions).toBe(
      "write-all",
    );
  });
});
