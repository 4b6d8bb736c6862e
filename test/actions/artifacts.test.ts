import { RequestError } from "@octokit/request-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unzip } from "../../sandbox/actions/artifacts/unzip.ts";
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

const build = `name: Build
on: workflow_dispatch
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      id: \${{ steps.up.outputs.artifact-id }}
      digest: \${{ steps.up.outputs.artifact-digest }}
    steps:
      - run: |
          mkdir -p out/lib out/.cache
          echo main > out/app.txt
          echo util > out/lib/util.txt
          echo cached > out/.cache/c
          echo report > report.md
      - id: up
        uses: actions/upload-artifact@v4
        with:
          name: dist
          path: out/
          retention-days: 5
      - uses: actions/upload-artifact@v4
        with:
          name: report
          path: report.md
      - id: again
        continue-on-error: true
        uses: actions/upload-artifact@v4
        with:
          name: dist
          path: report.md
      - run: echo "again=\${{ steps.again.outcome }} url=\${{ steps.up.outputs.artifact-url }}"
  use:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: dist
          path: got
      - id: all
        uses: actions/download-artifact@v4
        with:
          path: everything
      - run: |
          find got everything -type f | sort
          test "$(cat got/app.txt)" = main
          test "$(cat got/lib/util.txt)" = util
          test ! -e got/.cache
          test "$(cat everything/dist/lib/util.txt)" = util
          test "$(cat everything/report/report.md)" = report
          echo "download-path=\${{ steps.all.outputs.download-path }}"
      - run: echo replaced > report.md
      - uses: actions/upload-artifact@v4
        with:
          name: report
          path: report.md
          overwrite: true
`;

const refusals = `name: Refusals
on: workflow_dispatch
jobs:
  bad:
    runs-on: ubuntu-latest
    steps:
      - id: none
        continue-on-error: true
        uses: actions/upload-artifact@v4
        with:
          path: nothing/*.txt
          if-no-files-found: error
      - id: unsupported
        continue-on-error: true
        uses: actions/upload-artifact@v4
        with:
          path: nothing
          archive: false
      - id: missing
        continue-on-error: true
        uses: actions/download-artifact@v4
        with:
          name: no-such-artifact
      - run: echo "none=\${{ steps.none.outcome }} unsupported=\${{ steps.unsupported.outcome }} missing=\${{ steps.missing.outcome }}"
`;

const consume = `name: Consume
on:
  workflow_dispatch:
    inputs:
      run:
        required: true
permissions:
  actions: read
jobs:
  fetch:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: report
          github-token: \${{ github.token }}
          run-id: \${{ inputs.run }}
      - run: echo "other run's report says $(cat report.md)"
`;

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
const repo = { owner: "acme", repo: "builds" };
const gh = () => octokitFor(sb, sb.token("alice"));

beforeAll(async () => {
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  await addRepo(sb, "builds", {
    ".github/workflows/build.yml": build,
    ".github/workflows/refusals.yml": refusals,
    ".github/workflows/consume.yml": consume,
  });
  await gh().actions.createWorkflowDispatch({ ...repo, workflow_id: "build.yml", ref: "main" });
  await settledRuns(sb, "builds", 1);
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
});

async function logOf(runId: number, name: string): Promise<string> {
  const job = (await jobsOf(sb, "builds", runId)).find((j) => j.name === name)!;
  return jobLog(sb, "builds", job.id);
}

describe("actions/upload-artifact and actions/download-artifact, built in", () => {
  it("hands files from one job to a job that needs it, keeping the directory layout", async () => {
    const [run] = await settledRuns(sb, "builds", 1);
    expect(run!.conclusion).toBe("success");
    const jobs = await jobsOf(sb, "builds", run!.id);
    expect(jobs.map((j) => [j.name, j.conclusion]).sort()).toEqual([
      ["build", "success"],
      ["use", "success"],
    ]);
    const use = await logOf(run!.id, "use");
    expect(use).toContain("got/lib/util.txt");
    expect(use).toContain("everything/report/report.md");
    expect(use).toMatch(/download-path=\/.+\/everything$/m);
  });

  it("refuses a second upload of a name in the same run unless overwrite", async () => {
    const [run] = await settledRuns(sb, "builds", 1);
    const log = await logOf(run!.id, "build");
    expect(log).toContain(
      "##[error]Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run",
    );
    expect(log).toContain("again=failure");
    const { data } = await gh().actions.listWorkflowRunArtifacts({ ...repo, run_id: run!.id });
    expect(data.artifacts.map((a) => a.name).sort()).toEqual(["dist", "report"]);
    const report = data.artifacts.find((a) => a.name === "report")!;
    const zip = await gh().actions.downloadArtifact({
      ...repo,
      artifact_id: report.id,
      archive_format: "zip",
    });
    const files = unzip(Buffer.from(zip.data as ArrayBuffer));
    expect(files.map((f) => [f.name, f.content.toString()])).toEqual([["report.md", "replaced\n"]]);
  });

  it("lists, shows, serves as zip and deletes artifacts over REST", async () => {
    const [run] = await settledRuns(sb, "builds", 1);
    const all = await gh().actions.listArtifactsForRepo({ ...repo });
    expect(all.data.total_count).toBe(2);
    const named = await gh().actions.listArtifactsForRepo({ ...repo, name: "dist" });
    expect(named.data.artifacts.map((a) => a.name)).toEqual(["dist"]);
    const dist = named.data.artifacts[0]!;
    const one = await gh().actions.getArtifact({ ...repo, artifact_id: dist.id });
    expect(one.data).toMatchObject({
      id: dist.id,
      name: "dist",
      expired: false,
      workflow_run: { id: run!.id, head_sha: run!.head_sha },
    });
    const build = await logOf(run!.id, "build");
    expect(build).toContain(`Artifact ID is ${dist.id}`);
    expect(build).toContain(
      `url=${sb.serverUrl}/acme/builds/actions/runs/${run!.id}/artifacts/${dist.id}`,
    );
    const zip = await gh().actions.downloadArtifact({
      ...repo,
      artifact_id: dist.id,
      archive_format: "zip",
    });
    const bytes = Buffer.from(zip.data as ArrayBuffer);
    expect(bytes.length).toBe(one.data.size_in_bytes);
    expect(unzip(bytes).map((f) => [f.name, f.content.toString()])).toEqual([
      ["app.txt", "main\n"],
      ["lib/util.txt", "util\n"],
    ]);
    const { createHash } = await import("node:crypto");
    expect(one.data.digest).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
    const days = (Date.parse(one.data.expires_at!) - Date.parse(one.data.created_at!)) / 86_400_000;
    expect(days).toBe(5);
    const report = all.data.artifacts.find((a) => a.name === "report")!;
    expect(Date.parse(report.expires_at!) - Date.parse(report.created_at!)).toBe(90 * 86_400_000);

    const bob = octokitFor(sb, sb.token("bob"));
    const refused = await bob.actions
      .deleteArtifact({ ...repo, artifact_id: dist.id })
      .catch((e) => e);
    expect((refused as RequestError).status).toBe(403);
    const tar = await gh()
      .request("GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}", {
        ...repo,
        artifact_id: dist.id,
        archive_format: "tar",
      })
      .catch((e) => e);
    expect((tar as RequestError).status).toBe(404);
    const deleted = await gh().actions.deleteArtifact({ ...repo, artifact_id: dist.id });
    expect(deleted.status).toBe(204);
    const gone = await gh()
      .actions.getArtifact({ ...repo, artifact_id: dist.id })
      .catch((e) => e);
    expect((gone as RequestError).status).toBe(404);
  });

  it("downloads another run's artifact with a token through the REST API", async () => {
    const [first] = await settledRuns(sb, "builds", 1);
    await gh().actions.createWorkflowDispatch({
      ...repo,
      workflow_id: "consume.yml",
      ref: "main",
      inputs: { run: String(first!.id) },
    });
    const runs = await settledRuns(sb, "builds", 2);
    const consumed = runs.find((r) => r.name === "Consume")!;
    expect(consumed.conclusion).toBe("success");
    expect(await logOf(consumed.id, "fetch")).toContain("other run's report says replaced");
  });

  it("fails the step on no files with if-no-files-found: error, on unsupported inputs, and on a missing name", async () => {
    await gh().actions.createWorkflowDispatch({
      ...repo,
      workflow_id: "refusals.yml",
      ref: "main",
    });
    const runs = await settledRuns(sb, "builds", 3);
    const run = runs.find((r) => r.name === "Refusals")!;
    const log = await logOf(run.id, "bad");
    expect(log).toContain("none=failure unsupported=failure missing=failure");
    expect(log).toContain(
      "##[error]No files were found with the provided path: nothing/*.txt. No artifacts will be uploaded.",
    );
    expect(log).toContain(
      "actions/upload-artifact input 'archive: false' is not supported by the sandbox runner",
    );
    expect(log).toContain(
      "##[error]Unable to download artifact(s): Artifact 'no-such-artifact' not found",
    );
  });
});
