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

/** A JavaScript action on `using`, whose main and post print the Node that runs them. */
const versionAction = (using: string) => ({
  "action.yml": `name: Version\nruns:\n  using: ${using}\n  main: main.js\n  post: post.js\n`,
  "main.js": `console.log("${using} main on " + process.version);\n`,
  "post.js": `console.log("${using} post on " + process.version);\n`,
});

const prefixed = (dir: string, files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));

const workflow = `name: Runtimes
on: workflow_dispatch
jobs:
  current:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: ./.github/actions/v24
  legacy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/v20
      - uses: acme/tools/old@v1
      - uses: ./.github/actions/v20
`;

const DEPRECATION =
  "Node.js 20 is deprecated. The following actions target Node.js 20 but are being forced to run on Node.js 24: " +
  "./.github/actions/v20, acme/tools/old@v1, actions/checkout@v4. " +
  "For more information see: https://github.blog/changelog/2025-09-19-deprecation-of-node-20-on-github-actions-runners/";

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
beforeAll(async () => {
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  await addRepo(sb, "tools", prefixed("old", versionAction("node20")));
  const gh = octokitFor(sb, sb.token("alice"));
  const main = await gh.git.getRef({ owner: "acme", repo: "tools", ref: "heads/main" });
  await gh.git.createRef({
    owner: "acme",
    repo: "tools",
    ref: "refs/tags/v1",
    sha: main.data.object.sha,
  });
  await addRepo(sb, "web", {
    ".github/workflows/runtimes.yml": workflow,
    ...prefixed(".github/actions/v24", versionAction("node24")),
    ...prefixed(".github/actions/v20", versionAction("node20")),
  });
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
});

async function annotations(checkRunUrl: string | null | undefined) {
  const gh = octokitFor(sb, sb.token("alice"));
  const { data } = await gh.checks.listAnnotations({
    owner: "acme",
    repo: "web",
    check_run_id: Number(checkRunUrl!.split("/").pop()),
  });
  return data;
}

describe("the Node that runs JavaScript actions", () => {
  it("runs node24 and node20 actions (main and post) on Node 24, and ends a job that ran node20 ones with GitHub's deprecation warning, once", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    await gh.actions.createWorkflowDispatch({
      owner: "acme",
      repo: "web",
      workflow_id: "runtimes.yml",
      ref: "main",
    });
    const [run] = await settledRuns(sb, "web", 1);
    expect(run!.conclusion).toBe("success");
    const jobs = await jobsOf(sb, "web", run!.id);
    const current = jobs.find((j) => j.name === "current")!;
    const legacy = jobs.find((j) => j.name === "legacy")!;

    const currentLog = await jobLog(sb, "web", current.id);
    expect(currentLog).toMatch(/node24 main on v24\.\d+\.\d+/);
    expect(currentLog).toMatch(/node24 post on v24\.\d+\.\d+/);
    expect(currentLog).not.toContain("Node.js 20 is deprecated");
    expect(await annotations(current.check_run_url)).toEqual([]);

    const legacyLog = await jobLog(sb, "web", legacy.id);
    expect(legacyLog.match(/node20 main on v24\.\d+\.\d+/g)).toHaveLength(3);
    expect(legacyLog.match(/node20 post on v24\.\d+\.\d+/g)).toHaveLength(3);
    // One warning for the job, after its post steps, listing each action once, sorted.
    expect(legacyLog.split(`##[warning]${DEPRECATION}`)).toHaveLength(2);
    const lastPost = legacyLog.lastIndexOf("node20 post on");
    expect(legacyLog.indexOf(`##[warning]${DEPRECATION}`)).toBeGreaterThan(lastPost);
    expect(await annotations(legacy.check_run_url)).toEqual([
      expect.objectContaining({
        path: ".github",
        annotation_level: "warning",
        message: DEPRECATION,
      }),
    ]);
  });
});
