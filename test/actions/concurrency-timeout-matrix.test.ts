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

const deploy = `name: Deploy
on:
  workflow_dispatch:
    inputs:
      wait:
        default: "0"
concurrency:
  group: deploy-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "started" > "$RUNNER_TEMP/started"
          sleep \${{ inputs.wait }}
      - if: cancelled()
        run: echo "cleanup after cancel"
`;

const slow = `name: Slow
on: workflow_dispatch
jobs:
  slow:
    runs-on: ubuntu-latest
    timeout-minutes: 0.03
    steps:
      - run: |
          (sleep 60; echo survivor) &
          sleep 60
      - run: echo never
      - if: always()
        run: echo "after the timeout"
`;

const matrix = `name: Matrix
on: workflow_dispatch
jobs:
  build:
    runs-on: \${{ matrix.os }}
    strategy:
      fail-fast: false
      max-parallel: 2
      matrix:
        os: [linux]
        node: [18, 20]
        include:
          - os: linux
            node: 22
            experimental: true
    outputs:
      last: \${{ steps.out.outputs.node }}
    steps:
      - id: out
        run: |
          echo "node=\${{ matrix.node }} index=\${{ strategy.job-index }}/\${{ strategy.job-total }} exp=\${{ matrix.experimental }}"
          echo "node=\${{ matrix.node }}" >> "$GITHUB_OUTPUT"
          test "\${{ matrix.node }}" != 20
  after:
    needs: build
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "build=\${{ needs.build.result }}"
  named:
    name: check \${{ matrix.tool }}
    runs-on: ubuntu-latest
    strategy:
      matrix:
        tool: [lint, types]
    concurrency: checks-\${{ github.run_id }}
    steps:
      - run: echo "\${{ matrix.tool }} $(date +%s%N)" && sleep 0.2 && date +%s%N
`;

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
beforeAll(async () => {
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  await addRepo(sb, "ops", {
    ".github/workflows/deploy.yml": deploy,
    ".github/workflows/slow.yml": slow,
    ".github/workflows/matrix.yml": matrix,
  });
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
});

const gh = () => octokitFor(sb, sb.token("alice"));

async function until<T>(what: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("concurrency, timeouts and matrices", () => {
  it("cancel-in-progress cancels the running deploy when a newer one starts", async () => {
    const dispatch = (wait: string) =>
      gh().actions.createWorkflowDispatch({
        owner: "acme",
        repo: "ops",
        workflow_id: "deploy.yml",
        ref: "main",
        inputs: { wait },
      });
    await dispatch("30");
    const first = await until(async () => {
      const { data } = await gh().actions.listWorkflowRunsForRepo({ owner: "acme", repo: "ops" });
      const run = data.workflow_runs[0];
      if (!run) return undefined;
      const jobs = await jobsOf(sb, "ops", run.id);
      return jobs[0]?.status === "in_progress" && jobs[0].steps!.length > 0 ? run : undefined;
    });
    const started = Date.now();
    await dispatch("0");
    const runs = await settledRuns(sb, "ops", 2);
    expect(Date.now() - started).toBeLessThan(15_000);
    const [second, cancelled] = runs;
    expect(cancelled!.id).toBe(first.id);
    expect(cancelled!.conclusion).toBe("cancelled");
    expect(second!.conclusion).toBe("success");
    const [job] = await jobsOf(sb, "ops", cancelled!.id);
    expect(job!.conclusion).toBe("cancelled");
    expect(await jobLog(sb, "ops", job!.id)).toContain("cleanup after cancel");
  });

  it("a job over its timeout-minutes fails, its processes are killed, always() steps still run", async () => {
    const started = Date.now();
    await gh().actions.createWorkflowDispatch({
      owner: "acme",
      repo: "ops",
      workflow_id: "slow.yml",
      ref: "main",
    });
    const runs = await settledRuns(sb, "ops", 3);
    expect(Date.now() - started).toBeLessThan(20_000);
    const run = runs.find((r) => r.name === "Slow")!;
    expect(run.conclusion).toBe("failure");
    const [job] = await jobsOf(sb, "ops", run.id);
    expect(job!.steps!.map((s) => s.conclusion)).toEqual(["cancelled", "skipped", "success"]);
    const log = await jobLog(sb, "ops", job!.id);
    expect(log).toContain("has exceeded the maximum execution time of 0.03 minutes");
    expect(log).toContain("after the timeout");
    expect(log).not.toMatch(/Z survivor\n/);
  });

  it("a matrix runs each combination as a job named after its values", async () => {
    await gh().actions.createWorkflowDispatch({
      owner: "acme",
      repo: "ops",
      workflow_id: "matrix.yml",
      ref: "main",
    });
    const runs = await settledRuns(sb, "ops", 4);
    const run = runs.find((r) => r.name === "Matrix")!;
    expect(run.conclusion).toBe("failure");
    const jobs = await jobsOf(sb, "ops", run.id);
    expect(jobs.map((j) => [j.name, j.conclusion]).sort()).toEqual([
      ["after", "success"],
      ["build (linux, 18)", "success"],
      ["build (linux, 20)", "failure"],
      ["build (linux, 22, true)", "success"],
      ["check lint", "success"],
      ["check types", "success"],
    ]);
    const b22 = jobs.find((j) => j.name === "build (linux, 22, true)")!;
    expect(await jobLog(sb, "ops", b22.id)).toContain("node=22 index=2/3 exp=true");
    expect(b22.labels).toEqual(["linux"]);
    // One concurrency group: the second check starts after the first ended.
    const [lint, types] = await Promise.all(
      ["check lint", "check types"].map(async (n) =>
        (await jobLog(sb, "ops", jobs.find((j) => j.name === n)!.id)).match(
          /Z (\w+) (\d+)\n.*Z (\d+)\n/,
        )!,
      ),
    );
    const [first, second] =
      BigInt(lint![2]!) < BigInt(types![2]!) ? [lint!, types!] : [types!, lint!];
    expect(BigInt(second[2]!)).toBeGreaterThanOrEqual(BigInt(first[3]!));
    const after = jobs.find((j) => j.name === "after")!;
    expect(await jobLog(sb, "ops", after.id)).toContain("build=failure");
  });
});
