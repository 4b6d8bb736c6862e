import { describe, expect, it } from "vitest";
import { parseWorkflow, WorkflowError } from "./index.ts";

const FILE = ".github/workflows/ci.yml";

function refusal(yaml: string): WorkflowError {
  try {
    parseWorkflow(yaml, FILE);
  } catch (e) {
    if (e instanceof WorkflowError) return e;
    throw e;
  }
  throw new Error("the workflow was accepted");
}

const job = (extra: string) =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - run: echo hi\n`;

describe("constructs the sandbox runner cannot honour are refused, with file and path", () => {
  it.each([
    ["services", "    services:\n      db: { image: postgres }\n", "no container engine"],
    ["container", "    container: node:20\n", "no container engine"],
  ])("job key %s", (construct, extra, why) => {
    const e = refusal(job(extra));
    expect(e.code).toBe("WORKFLOW_UNSUPPORTED");
    expect(e.file).toBe(FILE);
    expect(e.path).toBe("jobs.build");
    expect(e.construct).toBe(construct);
    expect(e.message).toMatch(
      new RegExp(
        `^\\.github/workflows/ci\\.yml: jobs\\.build: '${construct}' is not supported by the sandbox runner \\(.*${why}`,
      ),
    );
  });

  it("refuses docker actions and unknown shells at the step", () => {
    const docker = refusal(
      "on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: a\n      - run: b\n      - uses: docker://alpine:3\n",
    );
    expect(docker.path).toBe("jobs.b.steps[2].uses");
    expect(docker.construct).toBe("uses: docker://");
    const shell = refusal(
      "on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: a\n        shell: pwsh\n",
    );
    expect(shell.path).toBe("jobs.b.steps[0].shell");
    expect(shell.message).toContain("bash, sh, node");
  });

  it("refuses matrices computed by expressions", () => {
    const e = refusal(job("    strategy:\n      matrix: ${{ fromJSON(needs.plan.outputs.m) }}\n"));
    expect(e.code).toBe("WORKFLOW_UNSUPPORTED");
    expect(e.path).toBe("jobs.build.strategy.matrix");
    const vector = refusal(
      job("    strategy:\n      matrix:\n        os: ${{ fromJSON('[1]') }}\n"),
    );
    expect(vector.path).toBe("jobs.build.strategy.matrix.os");
  });
});

describe("unknown keys are never silently ignored", () => {
  it.each([
    [
      "top level",
      "on: push\nconcurency: x\njobs:\n  b:\n    runs-on: x\n    steps: [{ run: a }]\n",
      "",
      "concurency",
    ],
    ["job", job("    runs_on: x\n"), "jobs.build", "runs_on"],
    [
      "step",
      "on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: a\n        enviroment: {}\n",
      "jobs.b.steps[0]",
      "enviroment",
    ],
    [
      "trigger",
      "on:\n  push:\n    branch: [main]\njobs:\n  b:\n    runs-on: x\n    steps: [{ run: a }]\n",
      "on.push",
      "branch",
    ],
    [
      "defaults",
      "on: push\ndefaults:\n  run:\n    shel: bash\njobs:\n  b:\n    runs-on: x\n    steps: [{ run: a }]\n",
      "defaults.run",
      "shel",
    ],
    [
      "permissions",
      "on: push\npermissions:\n  content: write\njobs:\n  b:\n    runs-on: x\n    steps: [{ run: a }]\n",
      "permissions",
      "content",
    ],
  ])("%s", (_where, yaml, path, key) => {
    const e = refusal(yaml);
    expect(e.code).toBe("WORKFLOW_UNKNOWN_KEY");
    expect(e.path).toBe(path);
    expect(e.construct).toBe(key);
    expect(e.message).toContain(`unknown key '${key}' (expected one of:`);
  });
});

describe("invalid workflows say what to fix", () => {
  const wrap = (on: string) => `on:\n${on}jobs:\n  b:\n    runs-on: x\n    steps: [{ run: a }]\n`;

  it.each([
    [
      "an unknown event",
      "on: pushh\njobs:\n  b:\n    runs-on: x\n    steps: [{ run: a }]\n",
      "on",
      "unknown event 'pushh'",
    ],
    [
      "a misspelled activity type",
      wrap("  issues:\n    types: [label]\n"),
      "on.issues.types",
      "'label' is not an activity type of issues",
    ],
    [
      "branches with branches-ignore",
      wrap("  push:\n    branches: [a]\n    branches-ignore: [b]\n"),
      "on.push",
      "use either 'branches' or 'branches-ignore'",
    ],
    [
      "tags on pull_request",
      wrap("  pull_request:\n    tags: [v1]\n"),
      "on.pull_request",
      "unknown key 'tags'",
    ],
    [
      "a choice without options",
      wrap("  workflow_dispatch:\n    inputs:\n      x: { type: choice }\n"),
      "on.workflow_dispatch.inputs.x",
      "needs a non-empty 'options'",
    ],
    [
      "a default outside the options",
      wrap(
        "  workflow_dispatch:\n    inputs:\n      x: { type: choice, options: [a], default: b }\n",
      ),
      "on.workflow_dispatch.inputs.x.default",
      "is not one of the options",
    ],
    [
      "a bad boolean default",
      wrap("  workflow_dispatch:\n    inputs:\n      x: { type: boolean, default: yes }\n"),
      "on.workflow_dispatch.inputs.x.default",
      "must be true or false",
    ],
    [
      "a workflow_call input without type",
      wrap("  workflow_call:\n    inputs:\n      x: { required: true }\n"),
      "on.workflow_call.inputs.x",
      "needs 'type'",
    ],
    ["no on", "jobs:\n  b:\n    runs-on: x\n    steps: [{ run: a }]\n", "on", "needs 'on:'"],
    ["no jobs", "on: push\n", "jobs", "needs 'jobs:'"],
    [
      "a job without runs-on",
      "on: push\njobs:\n  b:\n    steps: [{ run: a }]\n",
      "jobs.b",
      "needs 'runs-on'",
    ],
    ["a job without steps", "on: push\njobs:\n  b:\n    runs-on: x\n", "jobs.b", "needs 'steps'"],
    [
      "a step with run and uses",
      job("").replace("- run: echo hi", "- run: a\n        uses: actions/checkout@v4"),
      "jobs.build.steps[0]",
      "exactly one of 'run' or 'uses'",
    ],
    [
      "an action without a ref",
      job("").replace("- run: echo hi", "- uses: actions/checkout"),
      "jobs.build.steps[0].uses",
      "not an action reference",
    ],
    [
      "a duplicate step id",
      job("").replace("- run: echo hi", "- { id: a, run: x }\n      - { id: a, run: y }"),
      "jobs.build.steps[1]",
      "duplicate step id 'a'",
    ],
    [
      "an unknown need",
      "on: push\njobs:\n  b:\n    needs: [a]\n    runs-on: x\n    steps: [{ run: a }]\n",
      "jobs.b.needs",
      "job 'a' does not exist",
    ],
    [
      "a needs cycle",
      "on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps: [{ run: a }]\n  b:\n    needs: a\n    runs-on: x\n    steps: [{ run: a }]\n",
      "jobs.a",
      "cycle: a → b → a",
    ],
    [
      "a bad job id",
      "on: push\njobs:\n  1st:\n    runs-on: x\n    steps: [{ run: a }]\n",
      "jobs.1st",
      "not a valid job id",
    ],
    [
      "steps in a reusable-workflow call",
      "on: push\njobs:\n  c:\n    uses: ./.github/workflows/x.yml\n    steps: [{ run: a }]\n",
      "jobs.c",
      "'steps' cannot be used in a job that calls",
    ],
    [
      "a bad reusable-workflow ref",
      "on: push\njobs:\n  c:\n    uses: org/repo/x.yml\n",
      "jobs.c.uses",
      "is not a reusable workflow",
    ],
    [
      "a bad permission level",
      "on: push\npermissions:\n  contents: admin\njobs:\n  b:\n    runs-on: x\n    steps: [{ run: a }]\n",
      "permissions.contents",
      "expected read, write or none",
    ],
    [
      "an env value that is a mapping",
      job("    env:\n      X: { a: 1 }\n"),
      "jobs.build.env.X",
      "expected a string, got a mapping",
    ],
    [
      "a matrix too large",
      job(
        `    strategy:\n      matrix:\n        a: [${[...Array(17).keys()].join(",")}]\n        b: [${[...Array(16).keys()].join(",")}]\n`,
      ),
      "jobs.build.strategy.matrix",
      "makes 272 jobs; GitHub allows at most 256",
    ],
    [
      "an empty matrix vector",
      job("    strategy:\n      matrix:\n        a: []\n"),
      "jobs.build.strategy.matrix.a",
      "non-empty list",
    ],
    ["invalid YAML", "on: push\njobs: [\n", "line 3, column 1", "not valid YAML"],
    [
      "an unquoted !expression (a YAML tag)",
      "on: push\njobs:\n  b:\n    runs-on: x\n    if: !cancelled()\n    steps: [{ run: a }]\n",
      "line 5, column 9",
      "quote it, or wrap an expression in ${{ }}",
    ],
    [
      "duplicate keys",
      "on: push\non: pull_request\njobs: {}\n",
      "line 2, column 1",
      "Map keys must be unique",
    ],
  ])("%s", (_what, yaml, path, problem) => {
    const e = refusal(yaml);
    expect(e.file).toBe(FILE);
    expect(e.path).toBe(path);
    expect(e.message).toContain(problem);
    expect(e.message.startsWith(`${FILE}: ${path || "(top level)"}: `)).toBe(true);
  });
});
