import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.ts";
import {
  actionsSandbox,
  addRepo,
  jobLog,
  jobsOf,
  octokitFor,
  settledRuns,
  webhookSink,
} from "./fixtures.ts";

const withServices = `on: push
jobs:
  db:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres
    steps:
      - run: echo never
`;

const atRuntime = `name: Runtime
on: push
jobs:
  setup:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
      - if: always()
        run: echo "::set-output name=x::1"
      - if: always()
        run: echo "\${{ github.event.head_commit.message == }}"
`;

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
beforeAll(async () => {
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  await addRepo(sb, "odd", { "README.md": "# odd\n" });
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
});

describe("constructs outside the runner's subset", () => {
  it("fail the run with a message naming the construct and the file, in the log and the check run", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    await gh.repos.createOrUpdateFileContents({
      owner: "acme",
      repo: "odd",
      path: ".github/workflows/services.yml",
      message: "Add a workflow with services",
      content: Buffer.from(withServices).toString("base64"),
    });
    const [run] = await settledRuns(sb, "odd", 1);
    expect(run).toMatchObject({
      conclusion: "failure",
      path: ".github/workflows/services.yml",
      event: "push",
    });
    const [job] = await jobsOf(sb, "odd", run!.id);
    const log = await jobLog(sb, "odd", job!.id);
    expect(log).toContain(".github/workflows/services.yml: jobs.db");
    expect(log).toContain("services");
    const check = await gh.checks.get({
      owner: "acme",
      repo: "odd",
      check_run_id: Number(job!.check_run_url!.split("/").pop()),
    });
    expect(check.data.conclusion).toBe("failure");
    expect(check.data.output.summary).toContain(".github/workflows/services.yml");
  });

  it("fail the step at run time: an action that is not here, a disabled command, a bad expression", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    await gh.repos.createOrUpdateFileContents({
      owner: "acme",
      repo: "odd",
      path: ".github/workflows/runtime.yml",
      message: "Add a workflow that runs into walls",
      content: Buffer.from(atRuntime).toString("base64"),
    });
    const runs = await settledRuns(sb, "odd", 3);
    const run = runs.find((r) => r.name === "Runtime")!;
    expect(run.conclusion).toBe("failure");
    const [job] = await jobsOf(sb, "odd", run.id);
    expect(job!.steps!.map((s) => s.conclusion)).toEqual(["failure", "failure", "failure"]);
    const log = await jobLog(sb, "odd", job!.id);
    expect(log).toContain(
      ".github/workflows/runtime.yml: jobs.setup.steps[0]: uses: actions/setup-node@v4: there is no repository actions/setup-node in the sandbox",
    );
    expect(log).toContain("The `set-output` command is deprecated and disabled here");
    expect(log).toContain(".github/workflows/runtime.yml: jobs.setup.steps[2]");
  });
});
